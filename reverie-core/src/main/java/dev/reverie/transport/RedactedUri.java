package dev.reverie.transport;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders URLs for logs and exception messages without credentials: user info is dropped and the
 * values of query parameters that look like keys, tokens or signatures are replaced.
 */
public final class RedactedUri {
  private static final Pattern SENSITIVE_PARAMETER =
      Pattern.compile(".*(key|token|secret|signature|credential|password|auth).*|sig");
  private static final String REDACTED = "[redacted]";

  private RedactedUri() {}

  /** The URL as it may be logged: scheme, host, port, path and the query with secrets replaced. */
  public static String render(String uri) {
    try {
      return render(URI.create(uri));
    } catch (IllegalArgumentException e) {
      return "[an unparsable URL]";
    }
  }

  /** As {@link #render(String)}, for a parsed URI. */
  public static String render(URI uri) {
    if (uri.isOpaque()) return uri.getScheme() + ":" + REDACTED;
    var text = new StringBuilder();
    if (uri.getScheme() != null) text.append(uri.getScheme()).append(':');
    if (uri.getRawAuthority() != null) {
      text.append("//");
      if (uri.getHost() != null) {
        text.append(uri.getHost());
        if (uri.getPort() >= 0) text.append(':').append(uri.getPort());
      } else {
        // A registry-based authority may hold user info we cannot separate: keep only its tail.
        String authority = uri.getRawAuthority();
        text.append(authority.substring(authority.lastIndexOf('@') + 1));
      }
    }
    if (uri.getRawPath() != null) text.append(uri.getRawPath());
    if (uri.getRawQuery() != null) text.append('?').append(redactQuery(uri.getRawQuery()));
    return text.toString();
  }

  private static String redactQuery(String query) {
    var text = new StringBuilder();
    for (String parameter : query.split("&", -1)) {
      if (text.length() > 0) text.append('&');
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      if (equals >= 0 && SENSITIVE_PARAMETER.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        text.append(name).append('=').append(REDACTED);
      } else {
        text.append(parameter);
      }
    }
    return text.toString();
  }
}
