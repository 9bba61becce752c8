package dev.reverie.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.Providers;
import dev.reverie.RetryPolicy;
import dev.reverie.codec.anthropic.AnthropicOptions;
import dev.reverie.error.ProviderException;
import dev.reverie.internal.json.Json;
import dev.reverie.message.FilePart;
import dev.reverie.message.Message;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.testing.ScriptedTransport;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ToolChoice;
import dev.reverie.transport.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Bedrock's endpoint, body, authentication and secrecy, without the network. */
class BedrockTest {
  private static final String KEY = "ABSKbedrock-api-key-secret";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
  private static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":"
          + "\"text\",\"text\":\"Olá\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":"
          + "3,\"output_tokens\":2}}";

  private static Bedrock.Builder builder(ScriptedTransport transport) {
    return Bedrock.builder()
        .apiKey(KEY)
        .region("us-east-1")
        .retryPolicy(RetryPolicy.none())
        .transport(transport);
  }

  private static JsonNode body(HttpRequest request) {
    return Json.parse(request.bodyText(), "request");
  }

  @Test
  void generatePostsTheAnthropicBodyAsBedrockTakesItWithTheBearerKey() {
    var transport = new ScriptedTransport().respond(200, "application/json", MESSAGE);
    var response =
        builder(transport)
            .build()
            .languageModel(MODEL)
            .generate(
                Call.builder(Prompt.of("You are a helpful assistant", "Say hi in Portuguese"))
                    .maxOutputTokens(4000)
                    .build());

    assertThat(response.text()).isEqualTo("Olá");
    HttpRequest sent = transport.requests().get(0);
    assertThat(sent.uri().toString())
        .isEqualTo(
            "https://bedrock-runtime.us-east-1.amazonaws.com/model/"
                + "us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke");
    assertThat(sent.headers().first("Authorization")).contains("Bearer " + KEY);
    assertThat(body(sent))
        .isEqualTo(
            Json.parse(
                "{\"max_tokens\":4000,\"messages\":[{\"content\":[{\"text\":\"Say hi in"
                    + " Portuguese\",\"type\":\"text\"}],\"role\":\"user\"}],\"system\":[{\"text\":"
                    + "\"You are a helpful assistant\",\"type\":\"text\"}],\"anthropic_version\":"
                    + "\"bedrock-2023-05-31\"}",
                "expected"));
  }

  @Test
  void streamingGoesToInvokeWithResponseStreamWithoutAStreamKey() {
    var transport = new ScriptedTransport().respond(200, "application/vnd.amazon.eventstream", "");
    builder(transport).build().languageModel(MODEL).stream(Prompt.user("hi")).close();

    HttpRequest sent = transport.requests().get(0);
    assertThat(sent.uri().getRawPath()).endsWith("%3A0/invoke-with-response-stream");
    assertThat(body(sent).has("stream")).isFalse();
    assertThat(body(sent).has("model")).isFalse();
    assertThat(sent.headers().first("Accept")).contains("application/vnd.amazon.eventstream");
  }

  @Test
  void toolChoiceLeavesOutTheDefaultParallelFlagButKeepsAnExplicitOne() {
    var weather =
        FunctionToolSpec.of(
            "weather",
            "Get weather information for a location",
            Json.value(
                (com.fasterxml.jackson.databind.node.ObjectNode)
                    Json.parse("{\"type\":\"object\",\"properties\":{}}", "schema")));
    var transport =
        new ScriptedTransport()
            .respond(200, "application/json", MESSAGE)
            .respond(200, "application/json", MESSAGE);
    LanguageModel model = builder(transport).build().languageModel(MODEL);
    Call call =
        Call.builder(Prompt.user("weather?"))
            .tools(List.of(weather))
            .toolChoice(ToolChoice.auto())
            .build();

    model.generate(call);
    model.generate(
        call.toBuilder()
            .providerOptions(
                AnthropicOptions.builder().disableParallelToolUse(true).build().providerData())
            .build());

    assertThat(body(transport.requests().get(0)).get("tool_choice"))
        .isEqualTo(Json.parse("{\"type\":\"auto\"}", "choice"));
    assertThat(body(transport.requests().get(1)).get("tool_choice"))
        .isEqualTo(Json.parse("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}", "c"));
  }

  @Test
  void betaFlagsGoInTheBodyAsAnthropicBeta() {
    var transport = new ScriptedTransport().respond(200, "application/json", MESSAGE);
    builder(transport)
        .build()
        .languageModel(MODEL)
        .generate(
            Call.builder(Prompt.user("hi"))
                .providerOptions(
                    AnthropicOptions.builder()
                        .beta("context-1m-2025-08-07")
                        .thinkingBudget(2000)
                        .build()
                        .providerData())
                .build());

    JsonNode body = body(transport.requests().get(0));
    assertThat(body.get("anthropic_beta"))
        .isEqualTo(Json.parse("[\"context-1m-2025-08-07\"]", "betas"));
    assertThat(body.path("thinking").path("budget_tokens").asInt()).isEqualTo(2000);
    assertThat(transport.requests().get(0).headers().first("anthropic-beta")).isEmpty();
  }

  @Test
  void imagesAreSentAsBase64ImageBlocks() {
    var transport = new ScriptedTransport().respond(200, "application/json", MESSAGE);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    builder(transport)
        .build()
        .languageModel(MODEL)
        .generate(Prompt.of(Message.user("Describe", FilePart.of("a.png", "image/png", png))));

    JsonNode image = body(transport.requests().get(0)).at("/messages/0/content/1");
    assertThat(image.path("type").asText()).isEqualTo("image");
    assertThat(image.at("/source/media_type").asText()).isEqualTo("image/png");
  }

  @Test
  void modelIdsProfilesAndArnsAreEscapedIntoOnePathSegment() {
    assertThat(BedrockInvokeModel.escapePathSegment("anthropic.claude-3-5-sonnet-20240620-v1:0"))
        .isEqualTo("anthropic.claude-3-5-sonnet-20240620-v1%3A0");
    assertThat(
            BedrockInvokeModel.escapePathSegment(
                "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123"))
        .isEqualTo(
            "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile%2Fabc123");
    assertThat(BedrockInvokeModel.escapePathSegment("a b~é")).isEqualTo("a%20b~%C3%A9");
  }

  @Test
  void theRegionComesFromTheBuilderTheBaseUrlTheAwsConfigurationOrTheDefault() {
    assertThat(BedrockRegion.resolve(" eu-west-1 ", "", () -> Optional.of("us-west-2")))
        .isEqualTo("eu-west-1");
    assertThat(
            BedrockRegion.resolve(
                "", "https://bedrock-runtime.ap-south-1.amazonaws.com", Optional::empty))
        .isEqualTo("ap-south-1");
    assertThat(
            BedrockRegion.resolve(
                "", "https://bedrock-runtime-fips.us-gov-west-1.amazonaws.com", Optional::empty))
        .isEqualTo("us-gov-west-1");
    assertThat(BedrockRegion.resolve("", "http://localhost:9000", () -> Optional.of("us-west-2")))
        .isEqualTo("us-west-2");
    assertThat(BedrockRegion.resolve("", "", Optional::empty)).isEqualTo("us-east-1");
  }

  @Test
  void theRegionSetsTheDefaultEndpoint() {
    var transport = new ScriptedTransport().respond(200, "application/json", MESSAGE);
    var bedrock = builder(transport).region("eu-central-1").build();
    bedrock.languageModel(MODEL).generate(Prompt.user("hi"));

    assertThat(bedrock.region()).isEqualTo("eu-central-1");
    assertThat(transport.requests().get(0).uri().getHost())
        .isEqualTo("bedrock-runtime.eu-central-1.amazonaws.com");
  }

  @Test
  void withoutAKeyRequestsAreSignedWithSigV4() {
    var transport = new ScriptedTransport().respond(200, "application/json", MESSAGE);
    Bedrock.builder()
        .apiKey("")
        .region("us-west-2")
        .credentials(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", SECRET_KEY)))
        .clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.none())
        .transport(transport)
        .build()
        .languageModel(MODEL)
        .generate(Prompt.user("hi"));

    HttpRequest sent = transport.requests().get(0);
    assertThat(sent.headers().first("Authorization").orElseThrow())
        .startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-west-2/bedrock/aws4_request")
        .doesNotContain(SECRET_KEY);
    assertThat(sent.headers().first("X-Amz-Date")).contains("20260102T030405Z");
  }

  @Test
  void theHttpLogShowsNeitherTheKeyNorTheCredentialsNorTheSignature() {
    var lines = new java.util.ArrayList<String>();
    System.Logger capturing =
        new System.Logger() {
          @Override
          public String getName() {
            return "capture";
          }

          @Override
          public boolean isLoggable(Level level) {
            return true;
          }

          @Override
          public void log(
              Level level, java.util.ResourceBundle bundle, String message, Throwable thrown) {
            lines.add(message);
          }

          @Override
          public void log(
              Level level, java.util.ResourceBundle bundle, String format, Object... params) {
            lines.add(format);
          }
        };
    var scripted =
        new ScriptedTransport()
            .respond(200, "application/json", MESSAGE)
            .respond(200, "application/json", MESSAGE);
    var logged = scripted.with(new dev.reverie.transport.LoggingInterceptor(capturing));
    builder(new ScriptedTransport())
        .transport(logged)
        .build()
        .languageModel(MODEL)
        .generate(Prompt.user("hi"));
    Bedrock.builder()
        .apiKey("")
        .region("us-east-1")
        .credentials(
            StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                    "AKIDEXAMPLE", SECRET_KEY, "SESSION-TOKEN-SECRET")))
        .retryPolicy(RetryPolicy.none())
        .transport(logged)
        .build()
        .languageModel(MODEL)
        .generate(Prompt.user("hi"));

    assertThat(scripted.requests().get(1).headers().first("X-Amz-Security-Token")).isPresent();
    assertThat(lines).isNotEmpty();
    assertThat(String.join("\n", lines))
        .contains("bedrock-runtime.us-east-1.amazonaws.com")
        .doesNotContain(KEY)
        .doesNotContain(SECRET_KEY)
        .doesNotContain("SESSION-TOKEN-SECRET")
        .doesNotContain("Signature=");
  }

  @Test
  void opensByNameWithTheKeyFromTheSettings() {
    var transport = new ScriptedTransport().respond(200, "application/json", MESSAGE);
    LanguageModel model =
        Providers.languageModel(
            "bedrock:" + MODEL,
            ProviderSettings.builder()
                .apiKey(KEY)
                .baseUrl("https://bedrock-runtime.us-east-1.amazonaws.com")
                .transport(transport)
                .retryPolicy(RetryPolicy.none())
                .build());
    model.generate(Prompt.user("hi"));

    assertThat(model.providerId()).isEqualTo("bedrock");
    assertThat(model.modelId()).isEqualTo(MODEL);
    assertThat(Providers.factory("bedrock").orElseThrow().apiKeyVariable())
        .isEqualTo("AWS_BEARER_TOKEN_BEDROCK");
    assertThat(Providers.factory("bedrock").orElseThrow().requiresApiKey()).isFalse();
    assertThat(transport.requests().get(0).headers().first("Authorization"))
        .contains("Bearer " + KEY);
  }

  @Test
  void anHttpErrorTakesItsTypeFromTheAwsErrorTypeHeader() {
    var transport =
        new ScriptedTransport()
            .respond(
                new ScriptedTransport.Scripted(
                    400,
                    dev.reverie.transport.HttpHeaders.of("Content-Type", "application/json")
                        .with(
                            "x-amzn-ErrorType",
                            "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/")
                        .with("x-amzn-RequestId", "req-42"),
                    "{\"message\":\"max_tokens: Field required\"}".getBytes(StandardCharsets.UTF_8),
                    64));

    assertThatThrownBy(
            () -> builder(transport).build().languageModel(MODEL).generate(Prompt.user("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errorType()).isEqualTo("ValidationException");
              assertThat(e.providerMessage()).isEqualTo("max_tokens: Field required");
              assertThat(e.requestId()).isEqualTo("req-42");
              assertThat(e.isRetryable()).isFalse();
            });
  }

  @Test
  void theKeyAppearsInNoStringAndNoError() {
    var transport =
        new ScriptedTransport()
            .respond(403, "application/json", "{\"message\":\"The security token is invalid\"}");
    Bedrock.Builder builder = builder(transport);
    Bedrock bedrock = builder.build();
    LanguageModel model = bedrock.languageModel(MODEL);

    assertThatThrownBy(() -> model.generate(Prompt.user("hi")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.getMessage()).contains("security token is invalid").doesNotContain(KEY);
            });
    assertThat(builder.toString()).doesNotContain(KEY);
    assertThat(bedrock.toString()).doesNotContain(KEY).contains("API key");
    assertThat(model.toString()).doesNotContain(KEY);
    assertThat(transport.requests().get(0).toString()).doesNotContain(KEY);
    assertThat(transport.requests().get(0).headers().toString()).doesNotContain(KEY);
    assertThat(new String(transport.requests().get(0).body(), StandardCharsets.UTF_8))
        .doesNotContain(KEY);
  }
}
