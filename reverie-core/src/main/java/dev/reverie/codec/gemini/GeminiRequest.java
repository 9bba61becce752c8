package dev.reverie.codec.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.CallWarning;
import java.util.List;
import java.util.Objects;

/**
 * A {@code generateContent} request body as the encoder built it, with the warnings of encoding.
 *
 * @param body the JSON body, a fresh tree owned by the caller
 * @param warnings settings and content that could not be sent
 */
public record GeminiRequest(ObjectNode body, List<CallWarning> warnings) {
  public GeminiRequest {
    Objects.requireNonNull(body, "body");
    warnings = List.copyOf(warnings);
  }
}
