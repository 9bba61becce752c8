package dev.reverie.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.Call;
import dev.reverie.Prompt;
import dev.reverie.Providers;
import dev.reverie.RetryPolicy;
import dev.reverie.codec.responses.ResponsesProvider;
import dev.reverie.error.ReverieException;
import dev.reverie.provider.openai.OpenAiChatOptions;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.testing.ScriptedTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Azure OpenAI: endpoint normalisation, authentication, both APIs and OpenAI's options. */
class AzureTest {
  private static final String CHAT_OK =
      "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Oi\"},"
          + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}";
  private static final String RESPONSES_OK =
      "{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[{\"id\":\"msg_1\",\"type\":\"message\","
          + "\"content\":[{\"type\":\"output_text\",\"text\":\"Oi\"}]}],\"usage\":{\"input_tokens\":3,"
          + "\"output_tokens\":2}}";

  @ParameterizedTest
  @CsvSource({
    "my-resource, https://my-resource.openai.azure.com/openai/v1",
    "my-resource.openai.azure.com, https://my-resource.openai.azure.com/openai/v1",
    "https://my-resource.openai.azure.com/, https://my-resource.openai.azure.com/openai/v1",
    "https://my-resource.openai.azure.com/openai/v1, https://my-resource.openai.azure.com/openai/v1",
    "https://My-Resource.cognitiveservices.azure.com, https://my-resource.openai.azure.com/openai/v1",
    "my-resource.services.ai.azure.com/models, https://my-resource.openai.azure.com/openai/v1",
    "https://proxy.example.com/azure/v1/, https://proxy.example.com/azure/v1",
    "proxy.example.com/azure, https://proxy.example.com/azure"
  })
  void aResourceNameOrUrlBecomesTheV1BaseUrl(String given, String expected) {
    assertThat(Azure.normalizeBaseUrl(given)).isEqualTo(expected);
  }

  @Test
  void withoutAnEndpointTheBuilderSaysWhatToGive() {
    assertThatThrownBy(() -> Azure.builder().apiKey("k").build())
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("resource name");
  }

  @Test
  void chatCompletionsWithTheApiKeyHeaderAndOpenAiOptions() {
    var transport = new ScriptedTransport().respond(200, "application/json", CHAT_OK);
    var azure =
        Azure.builder()
            .resourceName("my-resource")
            .apiKey("secret")
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build();
    var model = azure.languageModel("gpt-5-mini");
    assertThat(model.providerId()).isEqualTo("azure");
    model.generate(
        Call.builder(Prompt.user("hi"))
            .providerOptions(OpenAiChatOptions.reasoningEffort("high").providerData())
            .build());
    var request = transport.requests().get(0);
    assertThat(request.uri().toString())
        .isEqualTo("https://my-resource.openai.azure.com/openai/v1/chat/completions");
    assertThat(request.headers().first("api-key")).contains("secret");
    assertThat(request.headers().first("Authorization")).isEmpty();
    assertThat(request.bodyText()).contains("\"reasoning_effort\":\"high\"");
    assertThat(azure.toString()).doesNotContain("secret");
  }

  @Test
  void theResponsesApiThroughTheProviderOpenedByName() {
    var transport = new ScriptedTransport().respond(200, "application/json", RESPONSES_OK);
    var settings =
        ProviderSettings.builder()
            .apiKey("secret")
            .baseUrl("https://fantasy-playground-resource.openai.azure.com")
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build();
    var provider = (ResponsesProvider) Providers.provider("azure", settings);
    var model = provider.responses("gpt-5-mini");
    assertThat(model.providerId()).isEqualTo("azure");
    assertThat(model.generate(Prompt.user("hi")).text()).isEqualTo("Oi");
    assertThat(transport.requests().get(0).uri().toString())
        .isEqualTo("https://fantasy-playground-resource.openai.azure.com/openai/v1/responses");
  }

  @Test
  void errorsNameAzureOnBothApis() {
    String unauthorized = "{\"error\":{\"code\":\"401\",\"message\":\"Access denied\"}}";
    var transport =
        new ScriptedTransport()
            .respond(401, "application/json", unauthorized)
            .respond(401, "application/json", unauthorized);
    var azure =
        Azure.builder()
            .resourceName("my-resource")
            .apiKey("secret")
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build();
    for (var model :
        java.util.List.of(azure.languageModel("gpt-5-mini"), azure.responses("gpt-5-mini"))) {
      assertThatThrownBy(() -> model.generate(Prompt.user("hi")))
          .isInstanceOfSatisfying(
              dev.reverie.error.ProviderException.class,
              e -> {
                assertThat(e.providerId()).isEqualTo("azure");
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage()).doesNotContain("secret");
              });
    }
  }

  @Test
  void byNameAzureNeedsABaseUrl() {
    assertThatThrownBy(
            () -> Providers.provider("azure", ProviderSettings.builder().apiKey("k").build()))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("base URL");
  }
}
