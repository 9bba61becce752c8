package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.error.ReverieException;
import java.util.Map;
import java.util.Set;

/** Copies provider options into a request body: the moves every chat dialect makes. */
public final class ChatOptionFields {
  /** OpenAI's reasoning efforts, which the compatible services and gateways accept as well. */
  public static final Set<String> REASONING_EFFORTS =
      Set.of("none", "minimal", "low", "medium", "high", "xhigh");

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
    return checkedEffort(providerId, options.get("reasoning_effort"), "reasoning_effort", allowed);
  }

  /**
   * The gateways' {@code reasoning} option ({@code {"effort": ..., "max_tokens": ...}}), its effort
   * checked against {@link #REASONING_EFFORTS}; null when absent.
   *
   * @throws ReverieException when it is not an object or names an unknown effort
   */
  public static ObjectNode reasoningObject(String providerId, ObjectNode options) {
    JsonNode reasoning = options.get("reasoning");
    if (reasoning == null || reasoning.isNull()) return null;
    if (!reasoning.isObject()) {
      throw new ReverieException(providerId + ": the reasoning option must be an object");
    }
    checkedEffort(providerId, reasoning.get("effort"), "reasoning effort", REASONING_EFFORTS);
    return (ObjectNode) reasoning;
  }

  private static String checkedEffort(
      String providerId, JsonNode effort, String name, Set<String> allowed) {
    if (effort == null || effort.isNull()) return "";
    if (!effort.isTextual() || !allowed.contains(effort.asText())) {
      throw new ReverieException(
          providerId
              + ": unknown "
              + name
              + " '"
              + effort.asText()
              + "' (expected one of "
              + allowed
              + ")");
    }
    return effort.asText();
  }
}
