package dev.reverie.provider.anthropic;

import dev.reverie.Call;
import dev.reverie.Response;
import dev.reverie.codec.anthropic.AnthropicErrorParser;
import dev.reverie.codec.anthropic.AnthropicRequest;
import dev.reverie.codec.anthropic.AnthropicRequestEncoder;
import dev.reverie.codec.anthropic.AnthropicResponseDecoder;
import dev.reverie.codec.anthropic.AnthropicStreamDecoder;
import dev.reverie.internal.framing.FramedPartStream;
import dev.reverie.internal.http.ProviderHttp;
import dev.reverie.internal.json.Json;
import dev.reverie.spi.ModelCapabilities;
import dev.reverie.spi.ProviderModel;
import dev.reverie.stream.PartStream;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A model behind {@code POST /v1/messages}: encode the call, post it, decode the answer. Immutable
 * and thread-safe.
 *
 * <p>Beta flags the request needs (computer use, the {@code betas} option) are merged with any
 * {@code anthropic-beta} header already set, and such requests go to {@code ?beta=true}, as
 * Anthropic's own clients do.
 */
final class AnthropicMessagesModel implements ProviderModel {
  static final String BETA_HEADER = "anthropic-beta";

  private final String modelId;
  private final URI endpoint;
  private final HttpHeaders headers;
  private final ProviderHttp http;
  private final AnthropicRequestEncoder encoder = new AnthropicRequestEncoder();
  private final AnthropicResponseDecoder decoder = new AnthropicResponseDecoder();

  /**
   * @param endpoint the full URL of {@code /v1/messages}
   * @param headers headers for every request, credentials included
   */
  AnthropicMessagesModel(String modelId, URI endpoint, HttpHeaders headers, Transport transport) {
    this.modelId = modelId;
    this.endpoint = endpoint;
    this.headers = headers;
    this.http = new ProviderHttp(Anthropic.PROVIDER_ID, transport, new AnthropicErrorParser());
  }

  @Override
  public String providerId() {
    return Anthropic.PROVIDER_ID;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public ModelCapabilities capabilities() {
    return ModelCapabilities.toolsOnly();
  }

  @Override
  public Response generate(Call call) {
    AnthropicRequest request = encoder.encode(call, modelId, false);
    HttpHeaders requestHeaders = requestHeaders(call, request.betas(), "application/json");
    String body = http.postForText(uri(requestHeaders), requestHeaders, Json.write(request.body()));
    return decoder.decode(body, request.warnings());
  }

  @Override
  public PartStream stream(Call call) {
    AnthropicRequest request = encoder.encode(call, modelId, true);
    HttpHeaders requestHeaders = requestHeaders(call, request.betas(), "text/event-stream");
    HttpResponse response =
        http.postForStream(
            uri(requestHeaders), requestHeaders, Json.write(request.body()), "text/event-stream");
    var streamDecoder =
        new AnthropicStreamDecoder(response.headers().first("request-id").orElse(""));
    return FramedPartStream.sse(
        response, streamDecoder, List.of(streamDecoder.start(request.warnings())));
  }

  private HttpHeaders requestHeaders(Call call, List<String> betas, String accept) {
    HttpHeaders result = headers.with("Accept", accept).withAll(call.headers());
    var flags = new LinkedHashSet<String>();
    for (String value : result.all(BETA_HEADER)) {
      for (String flag : value.split(",")) {
        if (!flag.isBlank()) flags.add(flag.strip());
      }
    }
    flags.addAll(betas);
    return flags.isEmpty()
        ? result.without(BETA_HEADER)
        : result.with(BETA_HEADER, String.join(",", flags));
  }

  private URI uri(HttpHeaders requestHeaders) {
    if (requestHeaders.first(BETA_HEADER).isEmpty()) return endpoint;
    String separator = endpoint.getRawQuery() == null ? "?" : "&";
    return URI.create(endpoint + separator + "beta=true");
  }

  @Override
  public String toString() {
    return "AnthropicMessagesModel["
        + modelId
        + " at "
        + dev.reverie.transport.RedactedUri.render(endpoint)
        + "]";
  }
}
