package dev.reverie.message;

import dev.reverie.ProviderData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation: who speaks and what they said.
 *
 * @param role who speaks
 * @param parts what was said, in order
 * @param providerData message-level provider options (e.g. cache control)
 */
public record Message(Role role, List<Part> parts, ProviderData providerData) {
  public Message {
    Objects.requireNonNull(role, "role");
    parts = List.copyOf(parts);
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  /** A system message with one text part per string. */
  public static Message system(String... texts) {
    return new Message(
        Role.SYSTEM,
        Arrays.stream(texts).map(t -> (Part) TextPart.of(t)).toList(),
        ProviderData.EMPTY);
  }

  /** A user message: the text first, then each file. */
  public static Message user(String text, FilePart... files) {
    var parts = new ArrayList<Part>();
    parts.add(TextPart.of(text));
    parts.addAll(Arrays.asList(files));
    return new Message(Role.USER, parts, ProviderData.EMPTY);
  }

  public static Message user(List<? extends Part> parts) {
    return new Message(Role.USER, List.copyOf(parts), ProviderData.EMPTY);
  }

  public static Message assistant(String text) {
    return new Message(Role.ASSISTANT, List.of(TextPart.of(text)), ProviderData.EMPTY);
  }

  public static Message assistant(List<? extends Part> parts) {
    return new Message(Role.ASSISTANT, List.copyOf(parts), ProviderData.EMPTY);
  }

  public static Message tool(List<ToolResultPart> results) {
    return new Message(Role.TOOL, List.copyOf(results), ProviderData.EMPTY);
  }

  public Message withProviderData(ProviderData data) {
    return new Message(role, parts, data);
  }

  public Message withParts(List<? extends Part> newParts) {
    return new Message(role, List.copyOf(newParts), providerData);
  }

  /** The text parts joined, without separators. */
  public String text() {
    var sb = new StringBuilder();
    for (Part p : parts) if (p instanceof TextPart t) sb.append(t.text());
    return sb.toString();
  }
}
