package dev.reverie.codec.chat;

import java.util.Locale;

/** Facts about OpenAI model ids that change the wire format. */
public final class ChatModels {
  private ChatModels() {}

  /**
   * Reasoning models (o-series, gpt-5, gpt-oss) take {@code max_completion_tokens} and reject
   * temperature, top-p and penalties.
   */
  public static boolean isOpenAiReasoningModel(String modelId) {
    String id = modelId.toLowerCase(Locale.ROOT);
    int slash = id.lastIndexOf('/');
    if (slash >= 0) id = id.substring(slash + 1);
    return id.startsWith("o1")
        || id.startsWith("o3")
        || id.startsWith("o4")
        || id.startsWith("gpt-oss")
        || id.startsWith("gpt-5")
        || id.contains("-o1")
        || id.contains("-o3")
        || id.contains("-o4");
  }
}
