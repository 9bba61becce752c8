package dev.reverie.provider.vertex;

import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Interceptor;

/**
 * Puts {@code Authorization: Bearer <token>} on every request, the token asked for per request so
 * that refreshed tokens are used as soon as they exist (retries included).
 */
final class BearerTokenInterceptor implements Interceptor {
  private final AccessTokenSource tokens;

  BearerTokenInterceptor(AccessTokenSource tokens) {
    this.tokens = tokens;
  }

  @Override
  public HttpResponse intercept(HttpRequest request, Chain chain) {
    String token = tokens.accessToken();
    return chain.proceed(
        request.withHeaders(request.headers().with("Authorization", "Bearer " + token)));
  }
}
