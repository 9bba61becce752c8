package dev.reverie.cassette.conformance;

import dev.reverie.error.ReverieException;
import java.net.URI;

/** A cassette's first request goes to an endpoint that names no provider the runner knows. */
public final class UnknownProviderException extends ReverieException {
  UnknownProviderException(URI url) {
    super("no known provider answers " + withoutQuery(url));
  }

  UnknownProviderException(URI url, String detail) {
    super("cannot configure a provider for " + withoutQuery(url) + ": " + detail);
  }

  // Queries can carry API keys (?key=...) in other recordings; never echo them.
  private static String withoutQuery(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
  }
}
