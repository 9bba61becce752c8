package dev.reverie.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Builds an OpenAI chat-completions event stream carrying a text as content deltas, shaped like the
 * recorded {@code complex_object_streaming} seed: a role chunk, one chunk per delta (each with the
 * same id, model, fingerprint and an {@code obfuscation} padding field), a finish chunk, a usage
 * chunk and {@code data: [DONE]}.
 */
public final class OpenAiSseBody {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String PREFIX =
      "data: {\"id\":\"chatcmpl-DIgTQPz2aGqDZNpclm4MN66JS2WPX\",\"object\":\"chat.completion.chunk\","
          + "\"created\":1773345544,\"model\":\"o4-mini-2025-04-16\",\"service_tier\":\"default\","
          + "\"system_fingerprint\":null,";
  private static final String PADDING = "BIfIBbQcpW10hzH";

  private OpenAiSseBody() {}

  /** The whole body, UTF-8. */
  public static byte[] of(String[] deltas) {
    var out = new ByteArrayOutputStream(deltas.length * 260 + 1024);
    write(
        out,
        "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
            + "\"finish_reason\":null}",
        "null",
        0);
    for (int i = 0; i < deltas.length; i++) {
      write(
          out,
          "{\"index\":0,\"delta\":{\"content\":" + quoted(deltas[i]) + "},\"finish_reason\":null}",
          "null",
          i + 1);
    }
    write(out, "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}", "null", 1);
    int completionTokens = deltas.length;
    writeRaw(
        out,
        PREFIX
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":156,\"completion_tokens\":"
            + completionTokens
            + ",\"total_tokens\":"
            + (156 + completionTokens)
            + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":128,\"audio_tokens\":0,"
            + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
            + "\"obfuscation\":\"pR3K\"}\n\n");
    writeRaw(out, "data: [DONE]\n\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String choice, String usage, int salt) {
    // The padding evens out chunk lengths in the real API; a varying length keeps that texture.
    String obfuscation = PADDING.substring(0, 2 + salt % 8);
    writeRaw(
        out,
        PREFIX
            + "\"choices\":["
            + choice
            + "],\"usage\":"
            + usage
            + ",\"obfuscation\":\""
            + obfuscation
            + "\"}\n\n");
  }

  private static void writeRaw(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String quoted(String text) {
    var writer = new StringWriter(text.length() + 8);
    try (JsonGenerator generator = FACTORY.createGenerator(writer)) {
      generator.writeString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer.toString();
  }
}
