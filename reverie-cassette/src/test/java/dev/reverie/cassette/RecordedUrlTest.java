package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordedUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "key",
        "KEY",
        "api_key",
        "apikey",
        "apiKey",
        "token",
        "access_token",
        "signature",
        "sig",
        "X-Amz-Signature",
        "x-amz-credential",
        "X-Amz-Security-Token",
        "client_secret",
        "password",
        "auth",
        "x%2Dapi%2Dkey"
      })
  void sensitiveParameterValuesAreRedacted(String name) {
    String url = "https://api.example.com/v1/models/m:generate?alt=sse&" + name + "=s3cr3t&n=1";

    assertThat(RecordedUrl.redact(url))
        .isEqualTo(
            "https://api.example.com/v1/models/m:generate?alt=sse&" + name + "=REDACTED&n=1");
  }

  @Test
  void everythingElseIsKeptByteForByte() {
    String url =
        "https://us-east5-aiplatform.googleapis.com/v1beta1/projects/p/locations/us-east5/"
            + "publishers/google/models/gemini-2.5-flash%3AstreamGenerateContent?alt=sse&beta=true"
            + "&signed&empty=&model=a%2Fb";

    assertThat(RecordedUrl.redact(url)).isEqualTo(url);
    assertThat(RecordedUrl.redact("https://api.anthropic.com/v1/messages"))
        .isEqualTo("https://api.anthropic.com/v1/messages");
  }

  @Test
  void aPresignedAwsUrlKeepsNoCredential() {
    String url =
        "https://bucket.s3.amazonaws.com/o?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAEXAMPLE%2F20250101%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLE&X-Amz-Signature=abcdef0123";

    String recorded = RecordedUrl.redact(url);

    assertThat(recorded)
        .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256")
        .doesNotContain("AKIAEXAMPLE")
        .doesNotContain("FQoGZXIvYXdzEXAMPLE")
        .doesNotContain("abcdef0123")
        .endsWith(
            "X-Amz-Credential=REDACTED&X-Amz-Security-Token=REDACTED&X-Amz-Signature=REDACTED");
  }

  @Test
  void userInfoIsRedacted() {
    assertThat(RecordedUrl.of(URI.create("https://user:hunter2@proxy.example.com:8443/v1?q=1")))
        .isEqualTo("https://REDACTED@proxy.example.com:8443/v1?q=1");
    assertThat(RecordedUrl.redact("https://proxy.example.com/v1/a@b")).doesNotContain("REDACTED");
  }

  @Test
  void redactingTwiceChangesNothing() {
    String once = RecordedUrl.redact("https://h/v1?key=abc&x-goog-api-key=def#frag");

    assertThat(once).isEqualTo("https://h/v1?key=REDACTED&x-goog-api-key=REDACTED#frag");
    assertThat(RecordedUrl.redact(once)).isEqualTo(once);
  }
}
