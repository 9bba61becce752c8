package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;

/**
 * The parts of one chat-completions stream chunk that matter, as {@link ChatChunkReader} reads
 * them: the chunk's other fields ({@code object}, {@code created}, {@code system_fingerprint},
 * {@code obfuscation}…) are skipped without building nodes, since a long answer has hundreds of
 * thousands of chunks.
 *
 * @param id the chunk id, or empty
 * @param model the model, or empty
 * @param error the {@code error} value, or {@link NullNode} when absent or null
 * @param usage the {@code usage} object, or {@link NullNode}
 * @param choices each choice's index, delta and finish reason
 * @param extras the fields the dialect asked to keep ({@link ChatDialect#metadataFields()}), as an
 *     object, or {@link NullNode} when none was present
 */
record ChatChunk(
    String id,
    String model,
    JsonNode error,
    JsonNode usage,
    List<Choice> choices,
    JsonNode extras) {

  /**
   * One entry of {@code choices}. The delta's {@code content} and {@code refusal} strings, the
   * fields nearly every chunk has, are read directly; any other delta fields (tool calls,
   * annotations, reasoning) are kept as a tree in {@code deltaRest}, {@link NullNode} when none;
   * the choice's fields the dialect asked to keep are in {@code extras}.
   */
  record Choice(
      int index,
      String content,
      String refusal,
      JsonNode deltaRest,
      String finishReason,
      JsonNode extras) {}
}
