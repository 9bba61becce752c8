package dev.reverie.codec.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.Prompt;
import dev.reverie.Response;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.testing.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A service that is only a dialect: its factory, its requests, its answers. */
class ChatServiceFactoryTest {
  /** A made-up service whose only difference is a request field. */
  static final class ExampleFactory extends ChatServiceFactory {
    @Override
    public String id() {
      return "example";
    }

    @Override
    public String description() {
      return "Example (api.example.test)";
    }

    @Override
    public String apiKeyVariable() {
      return "EXAMPLE_API_KEY";
    }

    @Override
    protected String defaultBaseUrl() {
      return "https://api.example.test/v1";
    }

    @Override
    protected ChatDialect dialect() {
      return new ChatDialect() {
        @Override
        public String providerId() {
          return "example";
        }

        @Override
        public void prepareRequest(ChatRequest request) {
          request.body().put("service_tier", "flex");
        }
      };
    }
  }

  @Test
  void aDialectAndAFactoryMakeAWorkingService() {
    var transport =
        new ScriptedTransport()
            .respond(
                200,
                "application/json",
                """
                {"id":"r1","model":"m1","choices":[{"index":0,"message":{"role":"assistant",
                 "content":"Olá"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
                """);
    var provider =
        new ExampleFactory()
            .create(ProviderSettings.builder().apiKey("k-1").transport(transport).build());

    Response response = provider.languageModel("m1").generate(Prompt.user("Say hi"));

    assertThat(provider.id()).isEqualTo("example");
    assertThat(response.text()).isEqualTo("Olá");
    var request = transport.requests().get(0);
    assertThat(request.uri().toString()).isEqualTo("https://api.example.test/v1/chat/completions");
    assertThat(request.headers().first("Authorization")).contains("Bearer k-1");
    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}],\"model\":\"m1\","
                + "\"service_tier\":\"flex\"}");
    assertThat(provider.toString())
        .isEqualTo("ChatService[example at https://api.example.test/v1]");
  }

  @Test
  void aBaseUrlInTheSettingsWins() {
    var transport =
        new ScriptedTransport()
            .respond(
                200,
                "application/json",
                "{\"choices\":[{\"index\":0,\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}");
    new ExampleFactory()
        .create(
            ProviderSettings.builder()
                .baseUrl("http://127.0.0.1:9/proxy/v1/")
                .transport(transport)
                .build())
        .languageModel("m")
        .generate(Prompt.user("x"));
    assertThat(transport.requests().get(0).uri().toString())
        .isEqualTo("http://127.0.0.1:9/proxy/v1/chat/completions");
    assertThat(transport.requests().get(0).headers().first("Authorization")).isEmpty();
  }
}
