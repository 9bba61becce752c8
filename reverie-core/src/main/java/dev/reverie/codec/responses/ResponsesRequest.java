package dev.reverie.codec.responses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.CallWarning;
import java.util.List;
import java.util.Objects;

/**
 * A Responses request body as the encoder built it.
 *
 * @param body the JSON body, a fresh tree owned by the caller
 * @param warnings settings and content that could not be sent
 */
record ResponsesRequest(ObjectNode body, List<CallWarning> warnings) {
  ResponsesRequest {
    Objects.requireNonNull(body, "body");
    warnings = List.copyOf(warnings);
  }
}
