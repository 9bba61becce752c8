package dev.reverie.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.reverie.transport.RedactedUri;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Claude model behind Bedrock's invoke API: {@code POST /model/<id>/invoke} and {@code
 * /invoke-with-response-stream}. The body is the Anthropic Messages body without {@code model} and
 * {@code stream}, with {@code anthropic_version} and the beta flags as {@code anthropic_beta}; the
 * model id (or inference-profile id or ARN) is escaped into one path segment. Immutable and
 * thread-safe.
 */
final class BedrockInvokeModel implements ProviderModel {
  /** The Messages API version Bedrock's Claude models take, in the body. */
  static final String ANTHROPIC_VERSION = "bedrock-2023-05-31";

  private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

  private final String modelId;
  private final URI invoke;
  private final URI invokeWithResponseStream;
  private final HttpHeaders headers;
  private final ProviderHttp http;
  private final AnthropicRequestEncoder encoder = new AnthropicRequestEncoder();
  private final AnthropicResponseDecoder decoder = new AnthropicResponseDecoder();

  /**
   * @param baseUrl e.g. {@code https://bedrock-runtime.us-east-1.amazonaws.com}, no trailing slash
   * @param headers headers for every request (a bearer key when one is used; signing happens in the
   *     transport)
   */
  BedrockInvokeModel(String modelId, String baseUrl, HttpHeaders headers, Transport transport) {
    this.modelId = modelId;
    String model = baseUrl + "/model/" + escapePathSegment(modelId);
    this.invoke = URI.create(model + "/invoke");
    this.invokeWithResponseStream = URI.create(model + "/invoke-with-response-stream");
    this.headers = headers;
    this.http = new ProviderHttp(Bedrock.PROVIDER_ID, transport, new AnthropicErrorParser());
  }

  @Override
  public String providerId() {
    return Bedrock.PROVIDER_ID;
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
    String body = http.postForText(invoke, requestHeaders(call, "application/json"), body(request));
    return decoder.decode(body, request.warnings());
  }

  @Override
  public PartStream stream(Call call) {
    AnthropicRequest request = encoder.encode(call, null, false);
    HttpResponse response =
        http.postForStream(
            invokeWithResponseStream,
            requestHeaders(call, EVENT_STREAM),
            body(request),
            EVENT_STREAM);
    String requestId = response.headers().first("x-amzn-requestid").orElse("");
    var events = new AnthropicStreamDecoder(requestId);
    return FramedPartStream.eventStream(
        response,
        new BedrockStreamDecoder(events, requestId),
        List.of(events.start(request.warnings())));
  }

  /** The Messages body as Bedrock takes it. */
  static String body(AnthropicRequest request) {
    ObjectNode body = request.body();
    body.remove("model");
    body.remove("stream");
    body.put("anthropic_version", ANTHROPIC_VERSION);
    if (!request.betas().isEmpty()) {
      ArrayNode betas = body.putArray("anthropic_beta");
      request.betas().forEach(betas::add);
    }
    JsonNode toolChoice = body.get("tool_choice");
    // Bedrock's own clients leave the flag out unless it is set; false is the default anyway.
    if (toolChoice instanceof ObjectNode choice
        && choice.path("disable_parallel_tool_use").isBoolean()
        && !choice.path("disable_parallel_tool_use").asBoolean()) {
      choice.remove("disable_parallel_tool_use");
    }
    return Json.write(body);
  }

  private HttpHeaders requestHeaders(Call call, String accept) {
    return headers.with("Accept", accept).withAll(call.headers());
  }

  /**
   * {@code id} as one URL path segment: letters, digits and {@code -._~} stay, every other byte is
   * percent-encoded ({@code :} becomes {@code %3A}, the {@code /} of an ARN {@code %2F}).
   */
  static String escapePathSegment(String id) {
    var sb = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "BedrockInvokeModel[" + modelId + " at " + RedactedUri.render(invoke) + "]";
  }
}
