package dev.reverie.transport;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Logs every HTTP exchange at {@link Level#DEBUG}: method, URL, status and headers, with
 * credentials redacted (Authorization and API-key headers, key-like query parameters). Bodies are
 * never logged, only their size.
 *
 * <p>Put it innermost in the chain (last in {@link Transport#with}) to see the headers that reach
 * the network, including those added by other interceptors; the redaction still applies.
 */
public final class LoggingInterceptor implements Interceptor {
  /** The logger used by the no-argument constructor. */
  public static final String LOGGER_NAME = "dev.reverie.http";

  private final Logger logger;

  /** Logs to the {@value #LOGGER_NAME} system logger. */
  public LoggingInterceptor() {
    this(System.getLogger(LOGGER_NAME));
  }

  /** Logs to {@code logger}. */
  public LoggingInterceptor(Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger");
  }

  @Override
  public HttpResponse intercept(HttpRequest request, Chain chain) {
    if (!logger.isLoggable(Level.DEBUG)) return chain.proceed(request);
    String target = request.method() + " " + RedactedUri.render(request.uri());
    int bodyLength = request.body().length;
    logger.log(
        Level.DEBUG,
        () -> "--> " + target + " headers=" + request.headers() + " body=" + bodyLength + " bytes");
    HttpResponse response;
    try {
      response = chain.proceed(request);
    } catch (RuntimeException e) {
      logger.log(
          Level.DEBUG,
          () ->
              "<-- " + target + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      throw e;
    }
    logger.log(
        Level.DEBUG,
        () -> "<-- " + response.status() + " " + target + " headers=" + response.headers());
    return response;
  }
}
