package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.Prompt;
import dev.reverie.Providers;
import dev.reverie.RetryPolicy;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.transport.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded Bedrock exchange keeps neither the API key nor any part of the AWS credentials. */
class BedrockRecordingKeepsNoSecretTest {
  private static final String MODEL = "bedrock:us.anthropic.claude-haiku-4-5-20251001-v1:0";
  private static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":"
          + "\"text\",\"text\":\"Olá\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":"
          + "3,\"output_tokens\":2}}";

  private final ScriptedTransport network =
      new ScriptedTransport(
          200,
          HttpHeaders.of("Content-Type", "application/json"),
          MESSAGE.getBytes(StandardCharsets.UTF_8));

  private RecordingTransport recorder() {
    return new RecordingTransport(network);
  }

  @Test
  void theBearerKeyIsNotRecorded(@TempDir Path dir) throws Exception {
    var recorder = recorder();
    Providers.languageModel(
            MODEL,
            ProviderSettings.builder()
                .apiKey("ABSK-bearer-secret")
                .transport(recorder)
                .retryPolicy(RetryPolicy.none())
                .build())
        .generate(Prompt.user("hi"));
    Path file = dir.resolve("bedrock.yaml");
    recorder.save(file);

    assertThat(network.received.get(0).headers().first("Authorization"))
        .contains("Bearer ABSK-bearer-secret");
    String recorded = Files.readString(file);
    assertThat(recorded).contains("anthropic_version").doesNotContain("ABSK-bearer-secret");
    assertThat(recorded.toLowerCase()).doesNotContain("authorization");
  }

  @Test
  void sigV4CredentialsAndSignaturesAreNotRecorded(@TempDir Path dir) throws Exception {
    String[] properties = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken"};
    String[] previous = new String[properties.length];
    for (int i = 0; i < properties.length; i++) previous[i] = System.getProperty(properties[i]);
    System.setProperty("aws.accessKeyId", "AKIDRECORDINGTEST");
    System.setProperty("aws.secretAccessKey", "secret-access-key-not-to-record");
    System.setProperty("aws.sessionToken", "session-token-not-to-record");
    try {
      var recorder = recorder();
      Providers.languageModel(
              MODEL,
              ProviderSettings.builder()
                  .apiKey("")
                  .transport(recorder)
                  .retryPolicy(RetryPolicy.none())
                  .build())
          .generate(Prompt.user("hi"));
      Path file = dir.resolve("bedrock.yaml");
      recorder.save(file);

      // What went out was signed; what was recorded is not.
      assertThat(network.received.get(0).headers().first("Authorization").orElseThrow())
          .startsWith("AWS4-HMAC-SHA256 Credential=AKIDRECORDINGTEST/");
      assertThat(network.received.get(0).headers().first("X-Amz-Security-Token")).isPresent();
      String recorded = Files.readString(file);
      assertThat(recorded)
          .contains("anthropic_version")
          .doesNotContain("AKIDRECORDINGTEST")
          .doesNotContain("secret-access-key-not-to-record")
          .doesNotContain("session-token-not-to-record")
          .doesNotContain("AWS4-HMAC-SHA256");
    } finally {
      for (int i = 0; i < properties.length; i++) {
        if (previous[i] == null) System.clearProperty(properties[i]);
        else System.setProperty(properties[i], previous[i]);
      }
    }
  }
}
