package dev.reverie.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.Providers;
import dev.reverie.RetryPolicy;
import dev.reverie.error.ReverieException;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.testing.ScriptedTransport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Opening providers and models by name through the ServiceLoader registry. */
class ProvidersTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String OK =
      """
      {"id":"r","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}
      """;

  static ProviderSettings settings(ScriptedTransport transport, String apiKey) {
    return ProviderSettings.builder()
        .apiKey(apiKey)
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Test
  void everyProviderOfCoreIsListedByIdWithItsKeyVariable() {
    List<ProviderFactory> factories = Providers.factories();
    assertThat(factories)
        .extracting(ProviderFactory::id)
        .containsExactly(
            "anthropic", "azure", "google", "openai", "openai-compat", "openrouter", "vercel");
    assertThat(factories)
        .extracting(ProviderFactory::apiKeyVariable)
        .containsExactly(
            "ANTHROPIC_API_KEY",
            "AZURE_OPENAI_API_KEY",
            "GEMINI_API_KEY",
            "OPENAI_API_KEY",
            "OPENAI_COMPATIBLE_API_KEY",
            "OPENROUTER_API_KEY",
            "AI_GATEWAY_API_KEY");
    assertThat(factories)
        .extracting(ProviderFactory::requiresApiKey)
        .containsExactly(true, true, true, true, false, true, true);
    assertThat(factories)
        .extracting(ProviderFactory::requiresBaseUrl)
        .containsExactly(false, true, false, false, true, false, false);
    assertThat(factories).allSatisfy(f -> assertThat(f.description()).isNotBlank());
  }

  @Test
  void aFactoryIsFoundByIdInAnyCase() {
    assertThat(Providers.factory("OpenRouter")).map(ProviderFactory::id).contains("openrouter");
    assertThat(Providers.factory("vercel")).map(ProviderFactory::id).contains("vercel");
    assertThat(Providers.factory("nope")).isEmpty();
  }

  @Test
  void anOpenRouterModelByNameKeepsTheSlashInItsIdAndUsesTheSettings() throws Exception {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var settings =
        settings(transport, "or-key").toBuilder()
            .header("X-Test", "yes")
            .userAgent("reverie-tests/1")
            .build();
    LanguageModel model = Providers.languageModel("openrouter:anthropic/claude-sonnet-4", settings);

    assertThat(model.modelId()).isEqualTo("anthropic/claude-sonnet-4");
    assertThat(model.providerId()).isEqualTo("openrouter");
    model.generate(Call.of(Prompt.user("hi")));
    var request = transport.requests().get(0);
    assertThat(request.uri().toString()).isEqualTo("https://openrouter.ai/api/v1/chat/completions");
    assertThat(request.headers().first("Authorization")).contains("Bearer or-key");
    assertThat(request.headers().first("X-Test")).contains("yes");
    assertThat(request.headers().first("User-Agent")).contains("reverie-tests/1");
    assertThat(MAPPER.readTree(request.body()).path("model").asText())
        .isEqualTo("anthropic/claude-sonnet-4");
  }

  @Test
  void modelIdsWithColonsKeepEverythingAfterTheFirstColon() throws Exception {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var settings =
        settings(transport, "local-key").toBuilder().baseUrl("http://localhost:8080/v1").build();
    LanguageModel model = Providers.languageModel("openai-compat:qwen3:8b-q4", settings);

    assertThat(model.modelId()).isEqualTo("qwen3:8b-q4");
    assertThat(model.providerId()).isEqualTo("openai-compat");
    model.generate(Call.of(Prompt.user("hi")));
    var request = transport.requests().get(0);
    assertThat(request.uri().toString()).isEqualTo("http://localhost:8080/v1/chat/completions");
    assertThat(MAPPER.readTree(request.body()).path("model").asText()).isEqualTo("qwen3:8b-q4");
  }

  @Test
  void vercelAndProviderIdsInUpperCaseOpenToo() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    LanguageModel model = Providers.languageModel("VERCEL:openai/gpt-5", settings(transport, "vk"));
    assertThat(model.providerId()).isEqualTo("vercel");
    assertThat(model.modelId()).isEqualTo("openai/gpt-5");
    model.generate(Call.of(Prompt.user("hi")));
    assertThat(transport.requests().get(0).uri().toString())
        .isEqualTo("https://ai-gateway.vercel.sh/v1/chat/completions");
  }

  @Test
  void anUnknownProviderIsAnErrorListingTheKnownIds() {
    assertThatThrownBy(() -> Providers.languageModel("nope:model", ProviderSettings.defaults()))
        .isInstanceOf(ReverieException.class)
        .hasMessage(
            "unknown provider 'nope' (known: anthropic, azure, google, openai, openai-compat,"
                + " openrouter, vercel)");
    assertThatThrownBy(() -> Providers.provider("nope"))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("openrouter");
  }

  @Test
  void namesThatAreNotProviderColonModelAreClearErrors() {
    for (String name : List.of("openrouter", ":model", "openrouter:", "")) {
      assertThatThrownBy(() -> Providers.languageModel(name, ProviderSettings.defaults()))
          .as(name)
          .isInstanceOf(ReverieException.class)
          .hasMessageContaining("provider:model");
    }
  }

  @Test
  void openAiCompatibleWithoutABaseUrlIsAClearError() {
    var settings = ProviderSettings.builder().apiKey("k").build();
    assertThatThrownBy(() -> Providers.languageModel("openai-compat:llama3", settings))
        .isInstanceOf(ReverieException.class)
        .hasMessageStartingWith("openai-compat has no default endpoint")
        .hasMessageContaining("base URL");
  }

  @Test
  void openAiCompatibleNeedsNoKey() {
    assumeThat(System.getenv("OPENAI_COMPATIBLE_API_KEY")).as("key variable unset").isNull();
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var settings =
        ProviderSettings.builder()
            .baseUrl("http://localhost:11434/v1")
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build();
    Providers.languageModel("openai-compat:llama3", settings).generate(Call.of(Prompt.user("hi")));
    assertThat(transport.requests().get(0).headers().first("Authorization")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "openrouter, OPENROUTER_API_KEY, anthropic/claude-sonnet-4",
    "vercel, AI_GATEWAY_API_KEY, anthropic/claude-sonnet-4",
    "openai, OPENAI_API_KEY, gpt-4o",
    "anthropic, ANTHROPIC_API_KEY, claude-sonnet-4"
  })
  void aProviderThatNeedsAKeyAndHasNoneFailsNamingTheVariable(
      String id, String variable, String modelId) {
    assumeThat(System.getenv(variable)).as(variable + " unset").isNull();
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var settings = ProviderSettings.builder().transport(transport).build();
    assertThatThrownBy(() -> Providers.languageModel(id + ":" + modelId, settings))
        .isInstanceOf(ReverieException.class)
        .hasMessage(id + " needs an API key: set " + variable + " or pass one");
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void settingsNeverShowTheKey() {
    var settings =
        ProviderSettings.builder()
            .apiKey("sk-or-v1-very-secret")
            .baseUrl("https://proxy.example/v1")
            .header("X-Team", "a")
            .build();
    assertThat(settings.toString())
        .doesNotContain("sk-or-v1-very-secret")
        .contains("[redacted]")
        .contains("https://proxy.example/v1");
    assertThat(settings.toBuilder().build().toString()).doesNotContain("very-secret");
    assertThat(ProviderSettings.defaults().toString()).contains("apiKey=unset");
    assertThat(settings.apiKey()).contains("sk-or-v1-very-secret");
  }

  @Test
  void providersAndModelsOpenedByNameNeverShowTheKey() {
    var transport = new ScriptedTransport();
    var settings = settings(transport, "sk-or-v1-very-secret");
    var provider = Providers.provider("openrouter", settings);
    assertThat(provider.id()).isEqualTo("openrouter");
    assertThat(provider.toString()).doesNotContain("very-secret");
    var model = provider.languageModel("openai/gpt-5");
    assertThat(model.toString()).doesNotContain("very-secret");
    assertThat(model.providerModel().toString()).doesNotContain("very-secret");
  }
}
