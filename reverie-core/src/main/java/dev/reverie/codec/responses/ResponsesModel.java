package dev.reverie.codec.responses;

import dev.reverie.Call;
import dev.reverie.Response;
import dev.reverie.internal.framing.FramedPartStream;
import dev.reverie.internal.http.ProviderHttp;
import dev.reverie.internal.json.Json;
import dev.reverie.spi.ModelCapabilities;
import dev.reverie.spi.ProviderModel;
import dev.reverie.stream.PartStream;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.RedactedUri;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.List;

/**
 * A model behind a Responses endpoint ({@code POST /responses}): encode the call, post it, decode
 * the answer. Used by OpenAI and Azure OpenAI. Objects reach the model through {@code text.format}
 * JSON schema and stream as text deltas. Immutable and thread-safe.
 */
public final class ResponsesModel implements ProviderModel {
  private final String providerId;
  private final String modelId;
  private final URI endpoint;
  private final HttpHeaders headers;
  private final ProviderHttp http;
  private final ResponsesRequestEncoder encoder = new ResponsesRequestEncoder();
  private final ResponsesResponseDecoder decoder;

  /**
   * @param providerId the provider's id, e.g. {@code openai} or {@code azure} (options and metadata
   *     are keyed {@value ResponsesOptions#OPTIONS_KEY} either way)
   * @param endpoint the full URL of {@code /responses}
   * @param headers headers for every request, credentials included
   */
  public ResponsesModel(
      String providerId, String modelId, URI endpoint, HttpHeaders headers, Transport transport) {
    this.providerId = providerId;
    this.modelId = modelId;
    this.endpoint = endpoint;
    this.headers = headers;
    this.http = new ProviderHttp(providerId, transport, new ResponsesErrorParser());
    this.decoder = new ResponsesResponseDecoder(providerId);
  }

  @Override
  public String providerId() {
    return providerId;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public ModelCapabilities capabilities() {
    return ModelCapabilities.nativeJson();
  }

  @Override
  public Response generate(Call call) {
    ResponsesRequest request = encoder.encode(call, modelId, false);
    String body =
        http.postForText(
            endpoint, requestHeaders(call, "application/json"), Json.write(request.body()));
    return decoder.decode(body, request.warnings());
  }

  @Override
  public PartStream stream(Call call) {
    ResponsesRequest request = encoder.encode(call, modelId, true);
    HttpResponse response =
        http.postForStream(
            endpoint,
            requestHeaders(call, "text/event-stream"),
            Json.write(request.body()),
            "text/event-stream");
    var streamDecoder = new ResponsesStreamDecoder(providerId);
    return FramedPartStream.sse(
        response, streamDecoder, List.of(streamDecoder.start(request.warnings())));
  }

  private HttpHeaders requestHeaders(Call call, String accept) {
    return headers.with("Accept", accept).withAll(call.headers());
  }

  @Override
  public String toString() {
    return "ResponsesModel["
        + providerId
        + ":"
        + modelId
        + " at "
        + RedactedUri.render(endpoint)
        + "]";
  }
}
