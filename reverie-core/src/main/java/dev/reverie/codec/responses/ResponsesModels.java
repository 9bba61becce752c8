package dev.reverie.codec.responses;

import java.util.Locale;

/** Facts about OpenAI model ids that change the Responses wire format. */
final class ResponsesModels {
  private ResponsesModels() {}

  private static String bareId(String modelId) {
    String id = modelId.toLowerCase(Locale.ROOT);
    int slash = id.lastIndexOf('/');
    return slash >= 0 ? id.substring(slash + 1) : id;
  }

  /**
   * Reasoning models (o-series, gpt-5 but not gpt-5-chat, gpt-oss, codex, computer use) take a
   * {@code reasoning} object and the {@code developer} role, and reject temperature and top-p.
   */
  static boolean isReasoningModel(String modelId) {
    String id = bareId(modelId);
    if (id.startsWith("gpt-5-chat")) return false;
    return id.startsWith("o1")
        || id.startsWith("o3")
        || id.startsWith("o4")
        || id.startsWith("gpt-oss")
        || id.startsWith("gpt-5")
        || id.startsWith("codex-")
        || id.startsWith("computer-use");
  }

  /** The early o1 models, which take no system or developer message at all. */
  static boolean takesNoSystemMessage(String modelId) {
    String id = bareId(modelId);
    return id.startsWith("o1-mini") || id.startsWith("o1-preview");
  }
}
