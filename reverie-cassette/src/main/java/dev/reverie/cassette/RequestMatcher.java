package dev.reverie.cassette;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.RedactedUri;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The reference recorder's rule for whether a request may be answered by a recorded interaction.
 *
 * <p>Method and full URL string must be identical (query and escapes included), once both are in
 * the form a cassette records ({@link RecordedUrl}: secrets in the query replaced), so a key in the
 * URL neither reaches the cassette nor stops the replay. The bodies are then compared after
 * normalizing line endings (a real CRLF, and the escaped {@code \r\n} inside JSON strings, both
 * become {@code \n}): equal text is an {@link MatchOutcome#EXACT} match; otherwise both are parsed
 * as JSON and compared as values, ignoring key order and whitespace but not types, {@code null}
 * versus absent, or any string; numbers compare by numeric value as doubles, as the Go recorder
 * does ({@code 1 == 1.0}). Headers are not compared.
 *
 * <p>Stateless and thread-safe.
 */
public final class RequestMatcher {
  private static final int MAX_SHOWN = 80;
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(1000)
                .maxStringLength(256 * 1024 * 1024)
                .maxDocumentLength(512L * 1024 * 1024)
                .build());
  }

  private RequestMatcher() {}

  /** Compares {@code request} with the recorded {@code interaction}. */
  public static RequestCheck check(Interaction interaction, HttpRequest request) {
    RecordedRequest recorded = interaction.request();
    String url = RecordedUrl.of(request.uri());
    String shownUrl = RedactedUri.render(request.uri());
    if (!recorded.method().equals(request.method())) {
      return mismatch(
          interaction,
          request,
          shownUrl,
          "method: recorded " + recorded.method() + " but sent " + request.method());
    }
    if (!RecordedUrl.redact(recorded.url()).equals(url)) {
      return mismatch(
          interaction,
          request,
          shownUrl,
          "url: recorded " + shownUrl(recorded.url()) + " but sent " + shownUrl);
    }
    String expected = normalizeLineEndings(recorded.body());
    String actual = normalizeLineEndings(request.bodyText());
    if (expected.equals(actual)) {
      return new RequestCheck(interaction.id(), request.method(), shownUrl, MatchOutcome.EXACT, "");
    }
    Optional<String> difference = normalizedDifference(expected, actual);
    return difference.isPresent()
        ? mismatch(interaction, request, shownUrl, difference.get())
        : new RequestCheck(
            interaction.id(), request.method(), shownUrl, MatchOutcome.JSON_EQUAL, "");
  }

  /**
   * Whether two bodies are equal under the recorder's rule: the same text after line-ending
   * normalization, or equal JSON values. Text that is not JSON is only equal to the same text.
   */
  public static boolean jsonEqual(String a, String b) {
    String left = normalizeLineEndings(a);
    String right = normalizeLineEndings(b);
    return left.equals(right) || normalizedDifference(left, right).isEmpty();
  }

  /**
   * A short, human-readable description of the first difference between a recorded and a sent body,
   * or empty when they match under the recorder's rule. For JSON it names a JSON pointer and both
   * values, e.g. {@code /messages/0/content: recorded "hi" but sent "hello"}; values are truncated.
   */
  public static Optional<String> firstDifference(String recorded, String sent) {
    String left = normalizeLineEndings(recorded);
    String right = normalizeLineEndings(sent);
    return left.equals(right) ? Optional.empty() : normalizedDifference(left, right);
  }

  /** Replaces CRLF, and the escaped {@code \r\n} sequence of JSON strings, with LF / {@code \n}. */
  public static String normalizeLineEndings(String body) {
    return body.replace("\r\n", "\n").replace("\\r\\n", "\\n");
  }

  private static Optional<String> normalizedDifference(String recorded, String sent) {
    JsonNode left = parse(recorded);
    JsonNode right = parse(sent);
    if (left == null || right == null) {
      String which =
          left == null && right == null
              ? "neither body is JSON"
              : left == null ? "the recorded body is not JSON" : "the sent body is not JSON";
      return Optional.of(which + "; " + textDifference(recorded, sent));
    }
    return difference(left, right, "");
  }

  private static JsonNode parse(String text) {
    if (text.isBlank()) return null;
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static Optional<String> difference(JsonNode recorded, JsonNode sent, String pointer) {
    if (recorded.isNumber() && sent.isNumber()) {
      return recorded.doubleValue() == sent.doubleValue()
          ? Optional.empty()
          : Optional.of(valuesDiffer(pointer, recorded, sent));
    }
    if (recorded.getNodeType() != sent.getNodeType()) {
      return Optional.of(valuesDiffer(pointer, recorded, sent));
    }
    if (recorded.isObject()) {
      for (Map.Entry<String, JsonNode> field : recorded.properties()) {
        String child = pointer + "/" + escape(field.getKey());
        JsonNode other = sent.get(field.getKey());
        if (other == null) {
          return Optional.of(
              shown(child) + ": recorded " + render(field.getValue()) + " but sent nothing");
        }
        Optional<String> inner = difference(field.getValue(), other, child);
        if (inner.isPresent()) return inner;
      }
      for (Map.Entry<String, JsonNode> field : sent.properties()) {
        if (!recorded.has(field.getKey())) {
          String child = pointer + "/" + escape(field.getKey());
          return Optional.of(
              shown(child) + ": recorded nothing but sent " + render(field.getValue()));
        }
      }
      return Optional.empty();
    }
    if (recorded.isArray()) {
      int common = Math.min(recorded.size(), sent.size());
      for (int i = 0; i < common; i++) {
        Optional<String> inner = difference(recorded.get(i), sent.get(i), pointer + "/" + i);
        if (inner.isPresent()) return inner;
      }
      if (recorded.size() != sent.size()) {
        String extra =
            recorded.size() > sent.size()
                ? "; first missing: " + render(recorded.get(common))
                : "; first extra: " + render(sent.get(common));
        return Optional.of(
            shown(pointer)
                + ": recorded "
                + recorded.size()
                + " elements but sent "
                + sent.size()
                + extra);
      }
      return Optional.empty();
    }
    if (recorded.isTextual()) {
      String left = recorded.textValue();
      String right = sent.textValue();
      if (left.equals(right)) return Optional.empty();
      if (left.length() <= MAX_SHOWN && right.length() <= MAX_SHOWN) {
        return Optional.of(valuesDiffer(pointer, recorded, sent));
      }
      return Optional.of(shown(pointer) + ": strings differ; " + textDifference(left, right));
    }
    return recorded.equals(sent)
        ? Optional.empty()
        : Optional.of(valuesDiffer(pointer, recorded, sent));
  }

  private static String valuesDiffer(String pointer, JsonNode recorded, JsonNode sent) {
    return shown(pointer) + ": recorded " + render(recorded) + " but sent " + render(sent);
  }

  /** Where two texts first differ, with a little context from each. */
  private static String textDifference(String recorded, String sent) {
    int common = Math.min(recorded.length(), sent.length());
    int at = 0;
    while (at < common && recorded.charAt(at) == sent.charAt(at)) at++;
    int from = Math.max(0, at - 20);
    return "first difference at character "
        + at
        + ": recorded "
        + quoteSnippet(recorded, from, at)
        + " but sent "
        + quoteSnippet(sent, from, at);
  }

  private static String quoteSnippet(String text, int from, int at) {
    int to = Math.min(text.length(), at + 40);
    return "\""
        + (from > 0 ? "…" : "")
        + text.substring(from, to).replace("\n", "\\n")
        + (to < text.length() ? "…" : "")
        + "\""
        + (at >= text.length() ? " (ends there)" : "");
  }

  private static String render(JsonNode node) {
    String text = node.toString();
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
  }

  private static String shown(String pointer) {
    return pointer.isEmpty() ? "(root)" : pointer;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String shownUrl(String url) {
    try {
      return RedactedUri.render(URI.create(url));
    } catch (IllegalArgumentException e) {
      return "(an unparsable URL)";
    }
  }

  private static RequestCheck mismatch(
      Interaction interaction, HttpRequest request, String shownUrl, String difference) {
    return new RequestCheck(
        interaction.id(), request.method(), shownUrl, MatchOutcome.MISMATCH, difference);
  }
}
