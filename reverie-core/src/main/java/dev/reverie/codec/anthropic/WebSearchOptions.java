package dev.reverie.codec.anthropic;

import java.util.List;

/**
 * Settings of Anthropic's server-side web search tool; every field is optional (null = not sent).
 *
 * @param maxUses how many searches the model may run in one request
 * @param allowedDomains only search these domains (exclusive with {@code blockedDomains})
 * @param blockedDomains never search these domains
 * @param userLocation where the user is, to localize results
 */
public record WebSearchOptions(
    Integer maxUses,
    List<String> allowedDomains,
    List<String> blockedDomains,
    UserLocation userLocation) {

  public WebSearchOptions {
    allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
    blockedDomains = blockedDomains == null ? List.of() : List.copyOf(blockedDomains);
    if (maxUses != null && maxUses <= 0) {
      throw new IllegalArgumentException("maxUses must be positive: " + maxUses);
    }
  }

  /**
   * An approximate user location; every field is optional (null = not sent).
   *
   * @param city e.g. {@code San Francisco}
   * @param region e.g. {@code California}
   * @param country a two-letter ISO country code, e.g. {@code US}
   * @param timezone an IANA time zone, e.g. {@code America/Los_Angeles}
   */
  public record UserLocation(String city, String region, String country, String timezone) {}
}
