package dev.reverie.codec.responses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import dev.reverie.tool.ProviderToolSpec;
import java.util.List;
import java.util.Objects;

/**
 * Factories for the Responses API's built-in tools, to put in {@code Call.tools} next to function
 * tools.
 *
 * <p>Any {@link ProviderToolSpec} whose id is {@code openai.<type>} is sent as {@code {"type":
 * "<type>", ...args}}, so built-in tools without a factory here can still be used.
 */
public final class ResponsesTools {
  /** The id of the built-in web search tool. */
  public static final String WEB_SEARCH_ID = "openai.web_search";

  /** The name the web search's calls and results carry. */
  public static final String WEB_SEARCH_NAME = "web_search";

  private ResponsesTools() {}

  /** Web search with OpenAI's defaults; cited pages come back as URL sources. */
  public static ProviderToolSpec webSearch() {
    return new ProviderToolSpec(WEB_SEARCH_ID, WEB_SEARCH_NAME, Json.value(Json.object()));
  }

  /** Web search with settings. */
  public static ProviderToolSpec webSearch(WebSearch settings) {
    Objects.requireNonNull(settings, "settings");
    ObjectNode args = Json.object();
    if (settings.searchContextSize() != null) {
      args.put("search_context_size", settings.searchContextSize());
    }
    if (!settings.allowedDomains().isEmpty()) {
      var domains = args.putObject("filters").putArray("allowed_domains");
      settings.allowedDomains().forEach(domains::add);
    }
    UserLocation location = settings.userLocation();
    if (location != null) {
      ObjectNode node = args.putObject("user_location").put("type", "approximate");
      if (location.city() != null) node.put("city", location.city());
      if (location.region() != null) node.put("region", location.region());
      if (location.country() != null) node.put("country", location.country());
      if (location.timezone() != null) node.put("timezone", location.timezone());
    }
    return new ProviderToolSpec(WEB_SEARCH_ID, WEB_SEARCH_NAME, Json.value(args));
  }

  /**
   * Settings of the web search tool.
   *
   * @param searchContextSize {@code low, medium, high}: how much of the pages the model sees, or
   *     null for the default
   * @param allowedDomains search only these domains (empty = any)
   * @param userLocation where the user is, to localise results, or null
   */
  public record WebSearch(
      String searchContextSize, List<String> allowedDomains, UserLocation userLocation) {
    public WebSearch {
      allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
    }
  }

  /**
   * An approximate user location for web search; every field optional (null = not sent).
   *
   * @param city e.g. {@code Florence}
   * @param region e.g. {@code Tuscany}
   * @param country a two-letter ISO code, e.g. {@code IT}
   * @param timezone an IANA zone, e.g. {@code Europe/Rome}
   */
  public record UserLocation(String city, String region, String country, String timezone) {}
}
