package dev.reverie.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactedUriTest {
  @Test
  void keepsWhatIsUsefulAndHidesCredentials() {
    assertThat(
            RedactedUri.render(
                URI.create(
                    "https://user:pw@host.example:8443/v1beta/models/gemini:streamGenerateContent"
                        + "?alt=sse&key=AIza-secret&X-Amz-Signature=abc&X-Amz-Credential=def&sig=s#frag")))
        .isEqualTo(
            "https://host.example:8443/v1beta/models/gemini:streamGenerateContent"
                + "?alt=sse&key=[redacted]&X-Amz-Signature=[redacted]&X-Amz-Credential=[redacted]"
                + "&sig=[redacted]");
  }

  @Test
  void keepsEscapesAsSent() {
    String url =
        "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-v1%3A0/invoke";
    assertThat(RedactedUri.render(URI.create(url))).isEqualTo(url);
  }

  @Test
  void opaqueUrisAreHidden() {
    assertThat(RedactedUri.render(URI.create("mailto:someone@example.com")))
        .isEqualTo("mailto:[redacted]");
  }
}
