package dev.reverie.codec.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.ProviderData;
import dev.reverie.internal.json.Json;
import dev.reverie.message.Message;
import dev.reverie.message.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic prompt caching: the {@code cache_control} marker and a placement policy for it.
 *
 * <p>A marker on a part caches the prompt up to and including that part; on a message it applies to
 * the message's last content block; on a {@link dev.reverie.tool.FunctionToolSpec} it applies to
 * the tool definition. Anthropic honours at most four markers per request.
 */
public final class AnthropicCaching {
  private static final String CACHE_CONTROL = "cache_control";

  private AnthropicCaching() {}

  /**
   * {@code {"anthropic": {"cache_control": {"type": "ephemeral"}}}}, for a part, message or tool.
   */
  public static ProviderData ephemeral() {
    return ProviderData.of(AnthropicFormat.OPTIONS_KEY, ephemeralNode());
  }

  /**
   * Places cache markers the usual way for a multi-step conversation: on the last system message
   * before the first non-system message (caching the instructions and tools) and on the last two
   * messages (caching the conversation so far, so the next step reads it from the cache).
   *
   * <p>A pure function, fit for an agent's prepare-step hook: markers already present at message
   * level are removed first so they do not pile up across steps; other provider data is kept.
   */
  public static List<Message> markLastMessages(List<Message> messages) {
    int size = messages.size();
    int lastLeadingSystem = -1;
    for (int i = 0; i < size && messages.get(i).role() == Role.SYSTEM; i++) lastLeadingSystem = i;
    var result = new ArrayList<Message>(size);
    for (int i = 0; i < size; i++) {
      Message message = messages.get(i);
      boolean mark = i == lastLeadingSystem || i >= size - 2;
      result.add(message.withProviderData(withCacheControl(message.providerData(), mark)));
    }
    return List.copyOf(result);
  }

  private static ProviderData withCacheControl(ProviderData data, boolean mark) {
    ObjectNode anthropic = Json.node(data, AnthropicFormat.OPTIONS_KEY).orElse(null);
    if (anthropic == null && !mark) return data;
    if (anthropic == null) anthropic = Json.object();
    anthropic.remove(CACHE_CONTROL);
    if (mark) anthropic.set(CACHE_CONTROL, ephemeralNode().get(CACHE_CONTROL));
    return anthropic.isEmpty()
        ? data.without(AnthropicFormat.OPTIONS_KEY)
        : data.with(AnthropicFormat.OPTIONS_KEY, anthropic);
  }

  private static ObjectNode ephemeralNode() {
    ObjectNode node = Json.object();
    node.putObject(CACHE_CONTROL).put("type", "ephemeral");
    return node;
  }
}
