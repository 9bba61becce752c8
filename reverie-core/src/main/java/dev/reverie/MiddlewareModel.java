package dev.reverie;

import dev.reverie.spi.ModelCapabilities;
import dev.reverie.spi.ModelMiddleware;
import dev.reverie.spi.ProviderModel;
import dev.reverie.stream.PartStream;

/** A provider model with one middleware around its two calls; identity and capabilities pass. */
record MiddlewareModel(ProviderModel next, ModelMiddleware middleware) implements ProviderModel {
  @Override
  public String providerId() {
    return next.providerId();
  }

  @Override
  public String modelId() {
    return next.modelId();
  }

  @Override
  public ModelCapabilities capabilities() {
    return next.capabilities();
  }

  @Override
  public Response generate(Call call) {
    return middleware.generate(call, next);
  }

  @Override
  public PartStream stream(Call call) {
    return middleware.stream(call, next);
  }
}
