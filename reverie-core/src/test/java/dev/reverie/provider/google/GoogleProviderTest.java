package dev.reverie.provider.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.FinishReason;
import dev.reverie.Prompt;
import dev.reverie.Providers;
import dev.reverie.RetryPolicy;
import dev.reverie.error.ProviderException;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.testing.ScriptedTransport;
import dev.reverie.testing.StreamCollector;
import org.junit.jupiter.api.Test;

/** The Gemini API provider: endpoint, key header, errors and opening by name. */
class GoogleProviderTest {
  private static final String ANSWER =
      "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Oi!\"}], \"role\": \"model\"},"
          + " \"finishReason\": \"STOP\"}], \"usageMetadata\": {\"promptTokenCount\": 3,"
          + " \"candidatesTokenCount\": 2, \"totalTokenCount\": 5}}";

  private static ProviderSettings settings(ScriptedTransport transport) {
    return ProviderSettings.builder()
        .apiKey("test-key")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Test
  void generateGoesToTheModelsPathWithTheKeyInAHeader() {
    var transport = new ScriptedTransport().respond(200, "application/json", ANSWER);
    var model = Providers.languageModel("google:gemini-2.5-flash", settings(transport));
    var response = model.generate(dev.reverie.Call.of(Prompt.user("Say hi")));
    assertThat(response.text()).isEqualTo("Oi!");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    var request = transport.requests().get(0);
    assertThat(request.uri().toString())
        .isEqualTo(
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(request.headers().first("x-goog-api-key")).contains("test-key");
    assertThat(request.uri().toString()).doesNotContain("test-key");
  }

  @Test
  void streamGoesToStreamGenerateContentWithAltSse() {
    var transport =
        new ScriptedTransport().respond(200, "text/event-stream", "data: " + ANSWER + "\n\n");
    var google = Google.builder().settings(settings(transport)).baseUrl("http://proxy/").build();
    var result =
        StreamCollector.drain(
            google.languageModel("models/gemini-2.5-pro").stream(Prompt.user("x")));
    assertThat(result.text()).isEqualTo("Oi!");
    assertThat(transport.requests().get(0).uri().toString())
        .isEqualTo("http://proxy/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
  }

  @Test
  void anErrorStatusIsAProviderExceptionWithGooglesStatusAndNoKey() {
    var transport =
        new ScriptedTransport()
            .respond(
                400,
                "application/json",
                "{\"error\": {\"code\": 400, \"message\": \"API key not valid.\","
                    + " \"status\": \"INVALID_ARGUMENT\"}}");
    var model = Providers.languageModel("google:gemini-2.5-flash", settings(transport));
    assertThatThrownBy(() -> model.generate(dev.reverie.Call.of(Prompt.user("x"))))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errorType()).isEqualTo("INVALID_ARGUMENT");
              assertThat(e.getMessage()).contains("API key not valid").doesNotContain("test-key");
            });
  }

  @Test
  void theFactoryNamesBothKeyVariablesWhenNoKeyIsFound() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Google.keyFromEnvironment() == null);
    assertThatThrownBy(() -> Providers.languageModel("google:gemini-2.5-flash"))
        .hasMessageContaining("GEMINI_API_KEY")
        .hasMessageContaining("GOOGLE_API_KEY");
  }

  @Test
  void toolCallIdsCountPerModelInstanceAcrossGenerateAndStream() {
    String call =
        "{\"candidates\": [{\"content\": {\"parts\": [{\"functionCall\": {\"name\": \"f\","
            + " \"args\": {}}}], \"role\": \"model\"}, \"finishReason\": \"STOP\"}]}";
    var transport =
        new ScriptedTransport()
            .respond(200, "application/json", call)
            .respond(200, "text/event-stream", "data: " + call + "\n\n")
            .respond(200, "application/json", call);
    var google = Google.builder().settings(settings(transport)).build();
    var model = google.languageModel("gemini-2.5-flash");
    var first =
        (dev.reverie.message.ToolCallPart) model.generate(Prompt.user("x")).content().get(0);
    var streamed = StreamCollector.drain(model.stream(Prompt.user("x")));
    var other =
        (dev.reverie.message.ToolCallPart)
            google.languageModel("gemini-2.5-flash").generate(Prompt.user("x")).content().get(0);
    assertThat(first.toolCallId()).isEqualTo("1");
    assertThat(streamed.assistantParts())
        .singleElement()
        .extracting(p -> ((dev.reverie.message.ToolCallPart) p).toolCallId())
        .isEqualTo("2");
    assertThat(other.toolCallId()).isEqualTo("1");
  }

  @Test
  void theKeyIsNotShown() {
    assertThat(Google.builder().apiKey("secret").toString()).doesNotContain("secret");
    assertThat(Google.builder().apiKey("secret").build().toString()).doesNotContain("secret");
  }
}
