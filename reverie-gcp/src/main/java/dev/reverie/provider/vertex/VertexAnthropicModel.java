package dev.reverie.provider.vertex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;

/**
 * Claude on Vertex AI: the Messages format of {@code codec.anthropic}, posted to {@code <model
 * URL>:rawPredict} or {@code :streamRawPredict}. The body is the encoder's with {@code model} left
 * out (the model is in the URL) and {@code anthropic_version: vertex-2023-10-16} added; beta flags
 * go in the body as {@code anthropic_beta}, as Vertex takes them. Thread-safe.
 */
final class VertexAnthropicModel implements ProviderModel {
  /** The Messages API version Vertex AI expects in the body. */
  static final String ANTHROPIC_VERSION = "vertex-2023-10-16";

  private final String modelId;
  private final String modelUrl;
  private final HttpHeaders headers;
  private final ProviderHttp http;
  private final AnthropicRequestEncoder encoder = new AnthropicRequestEncoder();
  private final AnthropicResponseDecoder decoder = new AnthropicResponseDecoder();

  VertexAnthropicModel(String modelId, URI modelUrl, HttpHeaders headers, Transport transport) {
    this.modelId = modelId;
    this.modelUrl = modelUrl.toString();
    this.headers = headers;
    this.http = new ProviderHttp(Vertex.PROVIDER_ID, transport, new AnthropicErrorParser());
  }

  @Override
  public String providerId() {
    return Vertex.PROVIDER_ID;
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
    AnthropicRequest request = encoder.encode(call, null, false);
    String body =
        http.postForText(
            URI.create(modelUrl + ":rawPredict"),
            requestHeaders(call, "application/json"),
            Json.write(forVertex(request)));
    return decoder.decode(body, request.warnings());
  }

  @Override
  public PartStream stream(Call call) {
    AnthropicRequest request = encoder.encode(call, null, true);
    HttpResponse response =
        http.postForStream(
            URI.create(modelUrl + ":streamRawPredict"),
            requestHeaders(call, "text/event-stream"),
            Json.write(forVertex(request)),
            "text/event-stream");
    var streamDecoder =
        new AnthropicStreamDecoder(response.headers().first("request-id").orElse(""));
    return FramedPartStream.sse(
        response, streamDecoder, List.of(streamDecoder.start(request.warnings())));
  }

  /** The encoder's body as Vertex takes it. */
  static ObjectNode forVertex(AnthropicRequest request) {
    ObjectNode body = request.body();
    body.remove("model");
    body.put("anthropic_version", ANTHROPIC_VERSION);
    if (!request.betas().isEmpty()) {
      ArrayNode betas = body.putArray("anthropic_beta");
      request.betas().forEach(betas::add);
    }
    return body;
  }

  private HttpHeaders requestHeaders(Call call, String accept) {
    return headers.with("Accept", accept).withAll(call.headers());
  }

  @Override
  public String toString() {
    return "VertexAnthropicModel[" + modelId + "]";
  }
}
