package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.ProviderData;

/**
 * Reads the reasoning of one chat-completions response or stream, which services put in fields of
 * their own ({@code reasoning_content}, {@code reasoning}, {@code reasoning_details}), and keeps
 * the provider data that must travel back on the next turn (signatures, encrypted reasoning).
 *
 * <p>A stream's reasoning comes in blocks (reasoning, then text or tool calls, perhaps more
 * reasoning): the decoder opens a block when {@link #read} returns text or leaves {@link
 * #hasPending()} true, and closes it with {@link #endBlock()}, which hands over the block's
 * provider data. One reader per response or stream; not thread-safe.
 */
public interface ChatReasoningReader {
  /** A reader of services without reasoning fields. */
  ChatReasoningReader NONE =
      new ChatReasoningReader() {
        @Override
        public String read(JsonNode messageOrDelta) {
          return "";
        }

        @Override
        public boolean hasPending() {
          return false;
        }

        @Override
        public ProviderData endBlock() {
          return ProviderData.EMPTY;
        }
      };

  /**
   * Reads the reasoning in a message or a delta: returns its text (empty when it carries none, e.g.
   * a signature alone) and keeps any provider data. Null fields count as absent; a field of an
   * unexpected type is ignored rather than failing the answer.
   */
  String read(JsonNode messageOrDelta);

  /** Whether reasoning (text or provider data) was read since the last {@link #endBlock()}. */
  boolean hasPending();

  /** The provider data of the reasoning read since the last call, which it forgets. */
  ProviderData endBlock();
}
