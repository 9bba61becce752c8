package dev.reverie.provider.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Builds chat-completions SSE bodies shaped like the recorded ones. */
final class SseBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SseBodies() {}

  /** {@code text} split into pieces of {@code size} chars, as content deltas. */
  static List<String> pieces(String text, int size) {
    var out = new ArrayList<String>();
    for (int i = 0; i < text.length(); i += size)
      out.add(text.substring(i, Math.min(text.length(), i + size)));
    return out;
  }

  static String chunk(String deltaJson, String finishReason) {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"o4-mini-2025-04-16\",\"choices\":[{\"index\":0,\"delta\":"
        + deltaJson
        + ",\"finish_reason\":"
        + (finishReason == null ? "null" : "\"" + finishReason + "\"")
        + "}],\"usage\":null}\n\n";
  }

  static String usageChunk() {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
        + "\"usage\":{\"prompt_tokens\":156,\"completion_tokens\":189,\"total_tokens\":345,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":6},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":128}}}\n\n";
  }

  /** A complete stream: role chunk, content deltas, finish, usage, [DONE]. */
  static String contentStream(List<String> deltas) {
    var sb =
        new StringBuilder(
            chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null));
    for (String d : deltas) sb.append(chunk("{\"content\":" + quote(d) + "}", null));
    sb.append(chunk("{}", "stop"));
    sb.append(usageChunk());
    sb.append("data: [DONE]\n\n");
    return sb.toString();
  }

  static String quote(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
