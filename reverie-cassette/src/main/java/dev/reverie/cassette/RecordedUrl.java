package dev.reverie.cassette;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The form in which a URL is written to a cassette and compared on replay: credentials carried in
 * the URL are replaced by {@value #REDACTED}, everything else is kept byte for byte.
 *
 * <p>A provider that takes its key in the query (Gemini's legacy {@code ?key=…}, a pre-signed AWS
 * URL's {@code X-Amz-Signature}) would otherwise leak it into the recording. The values of query
 * parameters whose names look like keys, tokens, signatures or credentials (case-insensitive:
 * {@code key}, {@code api_key}, {@code apikey}, {@code token}, {@code access_token}, {@code
 * signature}, {@code sig}, {@code x-amz-signature}, {@code x-amz-credential}, {@code
 * x-amz-security-token}, and any other name containing {@code key}, {@code token}, {@code secret},
 * {@code signature}, {@code credential}, {@code password} or {@code auth}) are replaced, as is user
 * info ({@code https://user:password@host}). The names mirror {@code
 * dev.reverie.transport.RedactedUri}, which keeps the same secrets out of logs.
 *
 * <p>{@link RecordingTransport} records URLs in this form, and {@link RequestMatcher} compares both
 * the recorded and the sent URL in this form, so a cassette recorded with a real key replays with a
 * dummy one. Only the redacted values are ignored: the names, their order, every other parameter
 * and every escape must still match exactly.
 */
public final class RecordedUrl {
  /** What a secret in a URL is replaced with. */
  public static final String REDACTED = "REDACTED";

  private static final Pattern SENSITIVE_PARAMETER =
      Pattern.compile(".*(key|token|secret|signature|credential|password|auth).*|sig");

  private RecordedUrl() {}

  /** {@code uri} as a cassette records it. */
  public static String of(URI uri) {
    return redact(uri.toString());
  }

  /**
   * {@code url} with the secrets it carries replaced by {@value #REDACTED}; a URL without any is
   * returned unchanged. Works on the text, so it never fails, even on a URL that does not parse.
   */
  public static String redact(String url) {
    Objects.requireNonNull(url, "url");
    int fragment = url.indexOf('#');
    String beforeFragment = fragment < 0 ? url : url.substring(0, fragment);
    String fragmentPart = fragment < 0 ? "" : url.substring(fragment);
    int query = beforeFragment.indexOf('?');
    String target = query < 0 ? beforeFragment : beforeFragment.substring(0, query);
    String redacted = redactUserInfo(target);
    if (query >= 0) {
      redacted += "?" + redactQuery(beforeFragment.substring(query + 1));
    }
    return redacted + fragmentPart;
  }

  /** Whether a query parameter of this name holds a secret. */
  public static boolean isSensitiveParameter(String name) {
    String decoded;
    try {
      decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = name;
    }
    return SENSITIVE_PARAMETER.matcher(decoded.toLowerCase(Locale.ROOT)).matches();
  }

  private static String redactUserInfo(String target) {
    int scheme = target.indexOf("://");
    if (scheme < 0) return target;
    int authorityStart = scheme + 3;
    int authorityEnd = target.indexOf('/', authorityStart);
    if (authorityEnd < 0) authorityEnd = target.length();
    int at = target.lastIndexOf('@', authorityEnd - 1);
    if (at < authorityStart) return target;
    return target.substring(0, authorityStart) + REDACTED + target.substring(at);
  }

  private static String redactQuery(String query) {
    var text = new StringBuilder(query.length());
    boolean first = true;
    for (String parameter : query.split("&", -1)) {
      if (!first) text.append('&');
      first = false;
      int equals = parameter.indexOf('=');
      if (equals >= 0 && isSensitiveParameter(parameter.substring(0, equals))) {
        text.append(parameter, 0, equals + 1).append(REDACTED);
      } else {
        text.append(parameter);
      }
    }
    return text.toString();
  }
}
