package dev.reverie.provider.vertex;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Access tokens from Google credentials (Application Default Credentials unless others are given),
 * scoped to {@value #CLOUD_PLATFORM_SCOPE}. The credentials are loaded on the first request and
 * kept; Google's library refreshes the token when it has expired or is about to (minutes before its
 * expiry), so a request never goes out with a token that runs out in flight. Thread-safe.
 */
final class GoogleCredentialsTokenSource implements AccessTokenSource {
  /** The OAuth scope Vertex AI needs. */
  static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  /** Loads credentials; throws {@link IOException} when there are none. */
  @FunctionalInterface
  interface CredentialsLoader {
    GoogleCredentials load() throws IOException;
  }

  private final CredentialsLoader loader;
  private volatile GoogleCredentials credentials;

  GoogleCredentialsTokenSource(CredentialsLoader loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /** Application Default Credentials. */
  static GoogleCredentialsTokenSource applicationDefault() {
    return new GoogleCredentialsTokenSource(GoogleCredentials::getApplicationDefault);
  }

  @Override
  public String accessToken() {
    GoogleCredentials current = credentials();
    try {
      current.refreshIfExpired();
    } catch (IOException e) {
      throw new VertexCredentialsException(
          "vertex: Google refused to issue an access token for "
              + describe(current)
              + " ("
              + firstLine(e)
              + "); check that the credentials are still valid (for user credentials: gcloud auth"
              + " application-default login)",
          e);
    }
    AccessToken token = current.getAccessToken();
    if (token == null || token.getTokenValue() == null || token.getTokenValue().isEmpty()) {
      throw new VertexCredentialsException(
          "vertex: " + describe(current) + " produced no access token", null);
    }
    return token.getTokenValue();
  }

  private GoogleCredentials credentials() {
    GoogleCredentials current = credentials;
    if (current != null) return current;
    synchronized (this) {
      if (credentials == null) {
        GoogleCredentials loaded;
        try {
          loaded = loader.load();
        } catch (IOException | RuntimeException e) {
          throw new VertexCredentialsException(
              "vertex: no Google credentials found ("
                  + firstLine(e)
                  + "). Set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, run"
                  + " `gcloud auth application-default login`, run on Google Cloud with a service"
                  + " account, or give an access token (Vertex.builder().accessToken(...))",
              e);
        }
        if (loaded.createScopedRequired())
          loaded = loaded.createScoped(List.of(CLOUD_PLATFORM_SCOPE));
        credentials = loaded;
      }
      return credentials;
    }
  }

  private static String describe(GoogleCredentials credentials) {
    return "the " + credentials.getClass().getSimpleName();
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message.strip() : message.substring(0, newline).strip();
  }
}
