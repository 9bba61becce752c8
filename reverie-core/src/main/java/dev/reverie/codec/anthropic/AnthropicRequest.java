package dev.reverie.codec.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.CallWarning;
import java.util.List;
import java.util.Objects;

/**
 * A Messages API request body as the encoder built it, with what it needs from the transport.
 *
 * <p>The body is a fresh tree owned by the caller, which may adapt it before sending (a Bedrock or
 * Vertex endpoint removes {@code model} and adds {@code anthropic_version}).
 *
 * @param body the JSON body
 * @param betas the {@code anthropic-beta} flags the request needs (tools such as computer use and
 *     the {@code betas} option), in order, without duplicates
 * @param warnings settings and content that could not be sent
 */
public record AnthropicRequest(ObjectNode body, List<String> betas, List<CallWarning> warnings) {
  public AnthropicRequest {
    Objects.requireNonNull(body, "body");
    betas = List.copyOf(betas);
    warnings = List.copyOf(warnings);
  }
}
