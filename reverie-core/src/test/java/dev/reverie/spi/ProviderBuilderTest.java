package dev.reverie.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.provider.anthropic.Anthropic;
import dev.reverie.provider.openai.OpenAi;
import org.junit.jupiter.api.Test;

class ProviderBuilderTest {
  @Test
  void aBuilderNamesItsProviderAndNeverShowsTheKey() {
    String key = "sk-secret-value-123";
    var openai = OpenAi.builder().apiKey(key).baseUrl("http://localhost:1/v1/");
    var anthropic = Anthropic.builder().apiKey(key);
    assertThat(openai.toString())
        .isEqualTo("OpenAi.Builder[http://localhost:1/v1, apiKey=[redacted]]")
        .doesNotContain(key);
    assertThat(anthropic.toString()).startsWith("Anthropic.Builder[").doesNotContain(key);
    assertThat(OpenAi.builder().apiKey("").toString()).endsWith("apiKey=unset]");
    // Credentials in a base URL's user-info or query never show either.
    assertThat(OpenAi.builder().baseUrl("https://user:s3cret@proxy.test/v1?key=s3cret").toString())
        .doesNotContain("s3cret");
    assertThat(openai.build().toString()).isEqualTo("OpenAi[http://localhost:1/v1]");
  }
}
