package dev.reverie.codec.chat;

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

/**
 * A model behind a chat-completions endpoint: convert the call, post it, map the answer. Used by
 * OpenAI and every compatible service, each with its own {@link ChatDialect}.
 */
public final class ChatCompletionsModel implements ProviderModel {
  private final String modelId;
  private final URI endpoint;
  private final HttpHeaders headers;
  private final ChatDialect dialect;
  private final ModelCapabilities capabilities;
  private final ProviderHttp http;
  private final ChatRequestEncoder encoder;
  private final ChatResponseDecoder decoder;

  /**
   * @param endpoint the full URL of {@code /chat/completions}
   * @param headers headers for every request, credentials included
   */
  public ChatCompletionsModel(
      String modelId, URI endpoint, HttpHeaders headers, Transport transport, ChatDialect dialect) {
    this.modelId = modelId;
    this.endpoint = endpoint;
    this.headers = headers;
    this.dialect = dialect;
    this.capabilities = dialect.capabilities(modelId);
    this.http = new ProviderHttp(dialect.serviceId(), transport, new ChatErrorParser());
    this.encoder = new ChatRequestEncoder(dialect);
    this.decoder = new ChatResponseDecoder(dialect);
  }

  @Override
  public String providerId() {
    return dialect.serviceId();
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public ModelCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public Response generate(Call call) {
    var encoded = encoder.encode(call, modelId, false);
    String body =
        http.postForText(
            endpoint, requestHeaders(call, "application/json"), Json.write(encoded.body()));
    return decoder.decode(body, encoded.warnings());
  }

  @Override
  public PartStream stream(Call call) {
    var encoded = encoder.encode(call, modelId, true);
    HttpResponse response =
        http.postForStream(
            endpoint,
            requestHeaders(call, "text/event-stream"),
            Json.write(encoded.body()),
            "text/event-stream");
    var streamDecoder = new ChatStreamDecoder(dialect);
    return FramedPartStream.sse(
        response, streamDecoder, List.of(streamDecoder.start(encoded.warnings())));
  }

  private HttpHeaders requestHeaders(Call call, String accept) {
    return headers.with("Accept", accept).withAll(call.headers());
  }

  @Override
  public String toString() {
    return "ChatCompletionsModel["
        + dialect.serviceId()
        + ":"
        + modelId
        + " at "
        + dev.reverie.transport.RedactedUri.render(endpoint)
        + "]";
  }
}
