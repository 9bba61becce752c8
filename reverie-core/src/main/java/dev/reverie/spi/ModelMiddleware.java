package dev.reverie.spi;

import dev.reverie.Call;
import dev.reverie.Response;
import dev.reverie.stream.PartStream;

/**
 * Wraps the two calls of any model: tracing, logging, caching, rewriting calls, or answering
 * without the provider at all (a test fake). Applied with {@link
 * dev.reverie.LanguageModel#with(ModelMiddleware)}; objects and agents go through the same two
 * calls, so middleware sees them too.
 *
 * <p>Each method receives the next model in the chain; the defaults pass the call on unchanged. A
 * middleware that wraps {@link #stream} must hand back a stream whose closing closes the one it
 * wraps. Implementations must be thread-safe: a model is shared.
 */
public interface ModelMiddleware {
  default Response generate(Call call, ProviderModel next) {
    return next.generate(call);
  }

  default PartStream stream(Call call, ProviderModel next) {
    return next.stream(call);
  }
}
