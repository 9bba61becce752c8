package dev.reverie.transport;

/**
 * Sends HTTP requests: the single seam between providers and the network. The JDK client, a
 * cassette replayer or a user's own client (OkHttp, a proxy) plug in here.
 *
 * <p>{@link #send} returns once the status and headers are in; the body streams afterwards. It
 * throws {@link dev.reverie.error.TransportException} when no response could be had, and {@link
 * dev.reverie.error.CancelledException} when the calling thread was interrupted. Error statuses are
 * returned, not thrown: mapping them is the provider's job.
 */
@FunctionalInterface
public interface Transport {
  HttpResponse send(HttpRequest request);

  /** This transport with {@code interceptors} applied, the first one outermost. */
  default Transport with(Interceptor... interceptors) {
    Transport result = this;
    for (int i = interceptors.length - 1; i >= 0; i--) {
      Interceptor interceptor = interceptors[i];
      Transport next = result;
      result = request -> interceptor.intercept(request, next::send);
    }
    return result;
  }
}
