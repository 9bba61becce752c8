package dev.reverie.spi;

import dev.reverie.Call;
import dev.reverie.Response;
import dev.reverie.stream.PartStream;

/**
 * What a provider implements for one model: two calls, identity and capabilities.
 *
 * <p>Object generation, agents and retries are written once in core on top of these. {@link
 * #generate} throws a {@link dev.reverie.error.ReverieException} subtype on failure; {@link
 * #stream} throws only if no response could be had at all and otherwise reports failures as a final
 * {@link dev.reverie.stream.Error} part.
 */
public interface ProviderModel {
  /** The provider id used as key for provider options, e.g. {@code openai}. */
  String providerId();

  /** The model id as the provider knows it, e.g. {@code o4-mini}. */
  String modelId();

  ModelCapabilities capabilities();

  Response generate(Call call);

  PartStream stream(Call call);
}
