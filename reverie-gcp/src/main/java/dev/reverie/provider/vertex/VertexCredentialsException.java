package dev.reverie.provider.vertex;

import dev.reverie.error.ReverieException;

/**
 * Vertex AI could not be signed in to: no Application Default Credentials were found, or Google's
 * token endpoint refused to issue or refresh an access token. The message says what is missing and
 * how to provide it; it never contains a token or key. Not retryable: the same credentials fail the
 * same way.
 */
public class VertexCredentialsException extends ReverieException {
  public VertexCredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
