package dev.reverie.codec.gemini;

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
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model behind a Gemini {@code generateContent} endpoint: encode the call, post it to {@code
 * <model URL>:generateContent} or {@code :streamGenerateContent?alt=sse}, decode the answer. Used
 * by the Gemini API and Vertex AI. Thread-safe.
 *
 * <p>Function calls that come without an id (Gemini 2.x) get {@code "1"}, {@code "2"}, … from a
 * counter of this model instance, so that a conversation's ids are unique and reproducible; Gemini
 * 3 returns ids of its own, which are kept.
 *
 * <p>Objects are asked for natively ({@code responseMimeType: application/json} with {@code
 * responseJsonSchema}).
 */
public final class GeminiModel implements ProviderModel {
  private final String providerId;
  private final String modelId;
  private final String modelUrl;
  private final HttpHeaders headers;
  private final ProviderHttp http;
  private final GeminiRequestEncoder encoder;
  private final AtomicLong toolCallCounter = new AtomicLong();
  private final GeminiResponseDecoder decoder;

  /**
   * @param providerId the id errors and the model report, e.g. {@code google}
   * @param modelUrl the model's URL without the method, e.g. {@code
   *     https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash}
   * @param headers headers for every request, credentials included (or added by the transport)
   * @param sendFunctionCallIds whether function calls and responses carry ids (not on Vertex AI)
   */
  public GeminiModel(
      String providerId,
      String modelId,
      URI modelUrl,
      HttpHeaders headers,
      Transport transport,
      boolean sendFunctionCallIds) {
    this.providerId = providerId;
    this.modelId = modelId;
    this.modelUrl = modelUrl.toString();
    this.headers = headers;
    this.http = new ProviderHttp(providerId, transport, new GeminiErrorParser());
    this.encoder = new GeminiRequestEncoder(sendFunctionCallIds);
    this.decoder = new GeminiResponseDecoder(this::nextToolCallId);
  }

  private String nextToolCallId() {
    return Long.toString(toolCallCounter.incrementAndGet());
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
    GeminiRequest request = encoder.encode(call, modelId);
    String body =
        http.postForText(
            URI.create(modelUrl + ":generateContent"),
            requestHeaders(call, "application/json"),
            Json.write(request.body()));
    return decoder.decode(body, request.warnings());
  }

  @Override
  public PartStream stream(Call call) {
    GeminiRequest request = encoder.encode(call, modelId);
    HttpResponse response =
        http.postForStream(
            URI.create(modelUrl + ":streamGenerateContent?alt=sse"),
            requestHeaders(call, "text/event-stream"),
            Json.write(request.body()),
            "text/event-stream");
    var streamDecoder =
        new GeminiStreamDecoder(
            response.headers().first("x-goog-request-id").orElse(""), this::nextToolCallId);
    return FramedPartStream.sse(
        response, streamDecoder, List.of(streamDecoder.start(request.warnings())));
  }

  private HttpHeaders requestHeaders(Call call, String accept) {
    return headers.with("Accept", accept).withAll(call.headers());
  }

  @Override
  public String toString() {
    return "GeminiModel["
        + modelId
        + " at "
        + dev.reverie.transport.RedactedUri.render(URI.create(modelUrl))
        + "]";
  }
}
