package dev.reverie.codec.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import dev.reverie.tool.ProviderToolSpec;
import java.util.List;
import java.util.Objects;

/**
 * Factories for Anthropic's provider tools, to put in {@code Call.tools} next to function tools.
 *
 * <p>Any {@link ProviderToolSpec} whose id is {@code anthropic.<type>} is sent as {@code {"type":
 * "<type>", "name": ..., ...args}}, so tools without a factory here can still be used.
 */
public final class AnthropicTools {
  /** The id of the server-side web search tool. */
  public static final String WEB_SEARCH_ID = "anthropic.web_search_20250305";

  private AnthropicTools() {}

  /** Server-side web search with Anthropic's defaults; results come back as sources. */
  public static ProviderToolSpec webSearch() {
    return new ProviderToolSpec(WEB_SEARCH_ID, "web_search", Json.value(Json.object()));
  }

  /** Server-side web search with settings. */
  public static ProviderToolSpec webSearch(WebSearchOptions options) {
    Objects.requireNonNull(options, "options");
    ObjectNode args = Json.object();
    if (options.maxUses() != null) args.put("max_uses", options.maxUses());
    putList(args, "allowed_domains", options.allowedDomains());
    putList(args, "blocked_domains", options.blockedDomains());
    var location = options.userLocation();
    if (location != null) {
      ObjectNode node = args.putObject("user_location").put("type", "approximate");
      if (location.city() != null) node.put("city", location.city());
      if (location.region() != null) node.put("region", location.region());
      if (location.country() != null) node.put("country", location.country());
      if (location.timezone() != null) node.put("timezone", location.timezone());
    }
    return new ProviderToolSpec(WEB_SEARCH_ID, "web_search", Json.value(args));
  }

  /**
   * The computer-use tool (beta) for a display of this size. The caller executes its actions and
   * answers with a tool result, typically a screenshot as {@code ToolOutput.media(png,
   * "image/png")}.
   */
  public static ProviderToolSpec computer(
      int displayWidthPx, int displayHeightPx, ComputerUseVersion version) {
    return computer(displayWidthPx, displayHeightPx, null, version);
  }

  /**
   * The computer-use tool in the version {@code modelId} was trained with (see {@link
   * ComputerUseVersion#forModel(String)}), for a display of this size.
   *
   * @throws IllegalArgumentException when no version is known for {@code modelId}; name one with
   *     {@link #computer(int, int, ComputerUseVersion)} instead
   */
  public static ProviderToolSpec computerForModel(
      String modelId, int displayWidthPx, int displayHeightPx) {
    ComputerUseVersion version =
        ComputerUseVersion.forModel(modelId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no computer-use tool version is known for model "
                            + modelId
                            + "; pass a ComputerUseVersion explicitly"));
    return computer(displayWidthPx, displayHeightPx, null, version);
  }

  /** The computer-use tool for X11 display {@code displayNumber} (null = not sent). */
  public static ProviderToolSpec computer(
      int displayWidthPx, int displayHeightPx, Integer displayNumber, ComputerUseVersion version) {
    Objects.requireNonNull(version, "version");
    if (displayWidthPx <= 0 || displayHeightPx <= 0) {
      throw new IllegalArgumentException(
          "display size must be positive: " + displayWidthPx + "x" + displayHeightPx);
    }
    ObjectNode args = Json.object();
    args.put("display_width_px", displayWidthPx);
    args.put("display_height_px", displayHeightPx);
    if (displayNumber != null) args.put("display_number", displayNumber);
    return new ProviderToolSpec("anthropic." + version.toolType(), "computer", Json.value(args));
  }

  private static void putList(ObjectNode target, String field, List<String> values) {
    if (values.isEmpty()) return;
    var array = target.putArray(field);
    values.forEach(array::add);
  }
}
