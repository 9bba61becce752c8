package dev.reverie.transport;

/**
 * A step around every HTTP exchange: adds headers, retries, logs, records. Built-ins (auth,
 * user-agent, retry, logging with redaction) and user code use the same chain.
 */
@FunctionalInterface
public interface Interceptor {
  HttpResponse intercept(HttpRequest request, Chain chain);

  /** The rest of the chain after an interceptor. */
  @FunctionalInterface
  interface Chain {
    HttpResponse proceed(HttpRequest request);
  }
}
