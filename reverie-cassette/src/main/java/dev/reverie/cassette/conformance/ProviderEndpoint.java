package dev.reverie.cassette.conformance;

import java.net.URI;
import java.util.Objects;

/**
 * The provider endpoint a cassette was recorded against: enough to configure the same provider with
 * dummy credentials so that it sends its requests to the recorded URLs.
 *
 * @param kind the provider API
 * @param baseUrl the base URL a user would configure, e.g. {@code https://api.openai.com/v1} or
 *     {@code https://api.x.ai/v1}
 * @param modelId the model, from the request body or, when the body has none, from the URL
 * @param firstRequestUrl the URL of the cassette's first request, for providers that need more of
 *     it (a Vertex project and location, a Bedrock region)
 */
public record ProviderEndpoint(
    ProviderKind kind, String baseUrl, String modelId, URI firstRequestUrl) {
  public ProviderEndpoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(firstRequestUrl, "firstRequestUrl");
  }
}
