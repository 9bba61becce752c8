package dev.reverie.provider.vertex;

/**
 * Where Vertex requests get their OAuth access token: a fixed one, or Google credentials that
 * refresh theirs before it expires. Implementations are thread-safe.
 */
@FunctionalInterface
interface AccessTokenSource {
  /**
   * A token valid for the next request.
   *
   * @throws VertexCredentialsException when none can be had
   */
  String accessToken();
}
