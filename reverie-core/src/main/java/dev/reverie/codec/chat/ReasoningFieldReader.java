package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.ProviderData;

/**
 * Reads reasoning text from {@code reasoning_content} (DeepSeek, xAI, z.ai, llama.cpp, vLLM) or,
 * when that is absent, {@code reasoning} (Ollama's and OpenRouter's name). These carry text only:
 * no provider data travels back beyond the text itself.
 */
public final class ReasoningFieldReader implements ChatReasoningReader {
  private boolean pending;

  @Override
  public String read(JsonNode messageOrDelta) {
    String text = textField(messageOrDelta, "reasoning_content");
    if (text == null || text.isEmpty()) text = textField(messageOrDelta, "reasoning");
    if (text == null || text.isEmpty()) return "";
    pending = true;
    return text;
  }

  /** The field's text; null when absent, null or not a string. */
  private static String textField(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  @Override
  public boolean hasPending() {
    return pending;
  }

  @Override
  public ProviderData endBlock() {
    pending = false;
    return ProviderData.EMPTY;
  }
}
