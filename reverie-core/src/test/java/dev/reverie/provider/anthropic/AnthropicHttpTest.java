package dev.reverie.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.codec.anthropic.AnthropicOptions;
import dev.reverie.codec.anthropic.AnthropicTools;
import dev.reverie.codec.anthropic.ComputerUseVersion;
import dev.reverie.error.ProviderException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.testing.CutScriptedTransport;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.transport.HttpHeaders;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP side of the provider: URLs, headers, secrets and error statuses. */
class AnthropicHttpTest {
  private static final String SECRET = "sk-ant-secret-123";
  private static final String JSON = "application/json";
  private static final String OK_BODY =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
          + "\"text\":\"Oi\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";

  private static LanguageModel model(CutScriptedTransport transport, String baseUrl) {
    return Anthropic.builder()
        .retryPolicy(dev.reverie.RetryPolicy.none())
        .apiKey(SECRET)
        .baseUrl(baseUrl)
        .header("X-Custom", "yes")
        .transport(transport)
        .build()
        .languageModel("claude-test");
  }

  @ParameterizedTest
  @CsvSource({
    "400, invalid_request_error, false",
    "401, authentication_error, false",
    "403, permission_error, false",
    "404, not_found_error, false",
    "429, rate_limit_error, true",
    "500, api_error, true",
    "529, overloaded_error, true"
  })
  void errorStatusesBecomeTypedProviderExceptions(int status, String type, boolean retryable) {
    String body =
        "{\"type\":\"error\",\"error\":{\"type\":\""
            + type
            + "\",\"message\":\"something "
            + type
            + "\"}}";
    var headers = HttpHeaders.of("Content-Type", JSON, "request-id", "req_42", "retry-after", "3");
    for (boolean streaming : new boolean[] {false, true}) {
      var transport = new CutScriptedTransport().respond(status, headers, body);
      var model = model(transport, Anthropic.DEFAULT_BASE_URL);
      Call call = Call.of(Prompt.user("hi"));
      ProviderException e =
          catchThrowableOfType(
              ProviderException.class,
              () -> {
                if (streaming) model.stream(call).close();
                else model.generate(call);
              });
      assertThat(e).as("status %d, streaming %s", status, streaming).isNotNull();
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.errorType()).isEqualTo(type);
      assertThat(e.providerMessage()).isEqualTo("something " + type);
      assertThat(e.requestId()).isEqualTo("req_42");
      assertThat(e.isRetryable()).isEqualTo(retryable);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
      assertThat(e.getMessage()).doesNotContain(SECRET);
      assertThat(transport.closedResponses.get()).isEqualTo(1);
    }
  }

  @Test
  void nonJsonErrorBodyBecomesTheMessage() {
    var transport =
        new CutScriptedTransport().respond(502, "text/html", "<html>Bad gateway</html>");
    assertThatThrownBy(
            () -> model(transport, Anthropic.DEFAULT_BASE_URL).generate(Prompt.user("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.providerMessage()).isEqualTo("<html>Bad gateway</html>");
              assertThat(e.isRetryable()).isTrue();
            });
  }

  @Test
  void malformedSuccessBodyIsAProtocolError() {
    var transport = new CutScriptedTransport().respond(200, JSON, "{\"type\":\"message\"");
    assertThatThrownBy(
            () -> model(transport, Anthropic.DEFAULT_BASE_URL).generate(Prompt.user("hi")))
        .isInstanceOf(StreamProtocolException.class);
    var notAMessage = new CutScriptedTransport().respond(200, JSON, "[]");
    assertThatThrownBy(
            () -> model(notAMessage, Anthropic.DEFAULT_BASE_URL).generate(Prompt.user("hi")))
        .isInstanceOf(StreamProtocolException.class);
  }

  @Test
  void requestCarriesKeyVersionAndCustomHeadersAtTheBaseUrl() {
    var transport = new CutScriptedTransport().respond(200, JSON, OK_BODY);
    var response = model(transport, "http://localhost:8080/anthropic/").generate(Prompt.user("hi"));
    assertThat(response.text()).isEqualTo("Oi");
    var request = transport.requests().get(0);
    assertThat(request.uri().toString()).isEqualTo("http://localhost:8080/anthropic/v1/messages");
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.headers().first("x-api-key")).contains(SECRET);
    assertThat(request.headers().first("anthropic-version")).contains("2023-06-01");
    assertThat(request.headers().first("X-Custom")).contains("yes");
    assertThat(request.headers().first("Content-Type")).contains(JSON);
    assertThat(request.headers().first("anthropic-beta")).isEmpty();
    assertThat(request.toString()).doesNotContain(SECRET);
  }

  @Test
  void betaFlagsAreMergedIntoOneHeaderAndTheBetaUrl() {
    var transport = new CutScriptedTransport().respond(200, JSON, OK_BODY);
    Call call =
        Call.builder(Prompt.user("hi"))
            .tools(List.of(AnthropicTools.computer(800, 600, ComputerUseVersion.COMPUTER_20251124)))
            .header("anthropic-beta", "files-api-2025-04-14, computer-use-2025-11-24")
            .providerOptions(
                AnthropicOptions.builder().beta("context-1m-2025-08-07").build().providerData())
            .build();
    model(transport, Anthropic.DEFAULT_BASE_URL).generate(call);
    var request = transport.requests().get(0);
    assertThat(request.uri().toString())
        .isEqualTo("https://api.anthropic.com/v1/messages?beta=true");
    assertThat(request.headers().all("anthropic-beta"))
        .containsExactly("files-api-2025-04-14,computer-use-2025-11-24,context-1m-2025-08-07");
  }

  @Test
  void secretsStayOutOfToString() {
    var builder = Anthropic.builder().apiKey(SECRET);
    assertThat(builder.toString()).doesNotContain(SECRET).contains("[redacted]");
    var anthropic = builder.transport(new CutScriptedTransport()).build();
    assertThat(anthropic.toString()).doesNotContain(SECRET);
    var model = anthropic.languageModel("claude-test");
    assertThat(model.toString()).doesNotContain(SECRET);
    assertThat(model.providerModel().toString()).doesNotContain(SECRET);
    assertThat(model.providerId()).isEqualTo("anthropic");
    assertThat(model.modelId()).isEqualTo("claude-test");
  }

  @Test
  void closingAStreamEarlyClosesTheResponse() {
    String body =
        RecordedCassette.load("TestAnthropicCommon/claude-sonnet-4/simple_streaming")
            .interaction(0)
            .responseBody();
    var transport = new CutScriptedTransport().respondChunked("text/event-stream", body, 16);
    var stream = model(transport, Anthropic.DEFAULT_BASE_URL).stream(Call.of(Prompt.user("hi")));
    var iterator = stream.iterator();
    assertThat(iterator.next()).isInstanceOf(dev.reverie.stream.StreamStart.class);
    iterator.next();
    stream.close();
    assertThat(transport.closedResponses.get()).isEqualTo(1);
    // A stream closed before its end says so with a final error part, never a quiet end.
    assertThat(iterator.next())
        .isInstanceOfSatisfying(
            dev.reverie.stream.Error.class,
            e -> assertThat(e.error()).isInstanceOf(dev.reverie.error.CancelledException.class));
    assertThat(iterator.hasNext()).isFalse();
  }
}
