package dev.reverie.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable HTTP headers: names compared case-insensitively, insertion order kept.
 *
 * <p>{@link #toString()} redacts credentials (Authorization, API-key headers, cookies) so headers
 * can be logged or put into exception messages safely.
 */
public final class HttpHeaders {
  private static final Set<String> SENSITIVE =
      Set.of(
          "authorization",
          "proxy-authorization",
          "x-api-key",
          "api-key",
          "x-goog-api-key",
          "cookie",
          "set-cookie",
          "x-amz-security-token");

  /** No headers. */
  public static final HttpHeaders EMPTY = new HttpHeaders(Map.of());

  // Keys are the names as first given; lookups go through the lower-case index.
  private final Map<String, List<String>> values;
  private final Map<String, String> index;

  private HttpHeaders(Map<String, List<String>> values) {
    this.values = values;
    var idx = new LinkedHashMap<String, String>();
    for (String name : values.keySet()) idx.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    this.index = idx;
  }

  /** Headers from a map of name to values. */
  public static HttpHeaders of(Map<String, List<String>> map) {
    var copy = new LinkedHashMap<String, List<String>>();
    map.forEach((k, v) -> mergeInto(copy, k, v));
    return new HttpHeaders(Collections.unmodifiableMap(copy));
  }

  /** Headers from alternating names and values. */
  public static HttpHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("odd argument count");
    var copy = new LinkedHashMap<String, List<String>>();
    for (int i = 0; i < namesAndValues.length; i += 2)
      mergeInto(copy, namesAndValues[i], List.of(namesAndValues[i + 1]));
    return new HttpHeaders(Collections.unmodifiableMap(copy));
  }

  private static void mergeInto(Map<String, List<String>> map, String name, List<String> vals) {
    for (var e : map.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        var merged = new ArrayList<>(e.getValue());
        merged.addAll(vals);
        e.setValue(List.copyOf(merged));
        return;
      }
    }
    map.put(name, List.copyOf(vals));
  }

  /** Whether a header name carries credentials and must never be logged. */
  public static boolean isSensitive(String name) {
    return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The first value of a header, if present. */
  public Optional<String> first(String name) {
    var vals = all(name);
    return vals.isEmpty() ? Optional.empty() : Optional.of(vals.get(0));
  }

  /** Every value of a header, possibly none. */
  public List<String> all(String name) {
    String key = index.get(name.toLowerCase(Locale.ROOT));
    return key == null ? List.of() : values.get(key);
  }

  /** A copy with {@code name} set to {@code value}, replacing earlier values. */
  public HttpHeaders with(String name, String value) {
    var copy = new LinkedHashMap<String, List<String>>();
    values.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase(name)) copy.put(k, v);
        });
    copy.put(name, List.of(value));
    return new HttpHeaders(Collections.unmodifiableMap(copy));
  }

  /** A copy with each of {@code headers} set as by {@link #with}, in their order. */
  public HttpHeaders withAll(Map<String, String> headers) {
    HttpHeaders result = this;
    for (Map.Entry<String, String> e : headers.entrySet()) {
      result = result.with(e.getKey(), e.getValue());
    }
    return result;
  }

  /** A copy without {@code name}. */
  public HttpHeaders without(String name) {
    var copy = new LinkedHashMap<String, List<String>>();
    values.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase(name)) copy.put(k, v);
        });
    return new HttpHeaders(Collections.unmodifiableMap(copy));
  }

  /** Name to values, names as first given. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpHeaders h && values.equals(h.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    var sb = new StringBuilder("{");
    values.forEach(
        (k, v) -> {
          if (sb.length() > 1) sb.append(", ");
          sb.append(k).append('=').append(isSensitive(k) ? "[redacted]" : String.join(",", v));
        });
    return sb.append('}').toString();
  }
}
