package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.error.ReverieException;
import java.util.Map;
import java.util.Set;

/** Copies provider options into a request body: the moves every chat dialect makes. */
public final class ChatOptionFields {
  private ChatOptionFields() {}

  /** Copies each present, non-null option to its wire name (option name to wire name). */
  public static void copy(ObjectNode options, ObjectNode body, Map<String, String> optionToWire) {
    optionToWire.forEach(
        (option, wire) -> {
          JsonNode value = options.get(option);
          if (value != null && !value.isNull()) body.set(wire, value);
        });
  }

  /**
   * Sets each field of the {@code extra_body} option at the top level of the body, over what is
   * there: the escape hatch for server features without a typed option.
   *
   * @throws ReverieException when {@code extra_body} is present but not an object
   */
  public static void mergeExtraBody(String providerId, ObjectNode options, ObjectNode body) {
    JsonNode extra = options.get("extra_body");
    if (extra == null || extra.isNull()) return;
    if (!extra.isObject()) {
      throw new ReverieException(providerId + ": the extra_body option must be a JSON object");
    }
    body.setAll((ObjectNode) extra.deepCopy());
  }

  /**
   * The {@code reasoning_effort} option, checked against {@code allowed}.
   *
   * @throws ReverieException for a value outside {@code allowed}
   */
  public static String reasoningEffort(String providerId, ObjectNode options, Set<String> allowed) {
    JsonNode effort = options.get("reasoning_effort");
    if (effort == null || effort.isNull()) return "";
    if (!effort.isTextual() || !allowed.contains(effort.asText())) {
      throw new ReverieException(
          providerId
              + ": unknown reasoning_effort '"
              + effort.asText()
              + "' (expected one of "
              + allowed
              + ")");
    }
    return effort.asText();
  }
}
