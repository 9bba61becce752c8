package dev.reverie.tool;

import dev.reverie.json.JsonObject;
import java.util.Objects;

/**
 * A tool defined and usually executed by the provider (web search, computer use). Providers that do
 * not know {@code id} report an unsupported-tool warning.
 *
 * @param id provider-qualified id, e.g. {@code anthropic.web_search_20250305} or {@code
 *     openai.web_search}
 * @param name the name the model calls it by
 * @param args provider-specific arguments
 */
public record ProviderToolSpec(String id, String name, JsonObject args) implements ToolSpec {
  public ProviderToolSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    args = args == null ? JsonObject.of(java.util.List.of()) : args;
  }

  /** The provider part of {@link #id()}, before the first dot. */
  public String providerId() {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }
}
