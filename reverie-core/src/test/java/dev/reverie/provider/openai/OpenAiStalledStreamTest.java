package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.Call;
import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.error.TransportException;
import dev.reverie.stream.Error;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.testing.StallingServer;
import dev.reverie.transport.JdkHttpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stream whose connection stays open but goes silent ends with a typed error, not a hang. */
class OpenAiStalledStreamTest {
  private final StallingServer server =
      StallingServer.start(
          "/v1/chat/completions",
          "text/event-stream",
          "data: {\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
              + "\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n");

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @Timeout(30)
  void aSilentStreamEndsWithATimeoutAfterWhatArrived() {
    var model =
        OpenAi.builder()
            .apiKey("k")
            .retryPolicy(RetryPolicy.none())
            .baseUrl(server.origin() + "/v1")
            .transport(JdkHttpTransport.builder().readTimeout(Duration.ofMillis(300)).build())
            .build()
            .languageModel("gpt-4o");
    List<StreamPart> parts = new ArrayList<>();
    try (PartStream stream = model.stream(Call.of(Prompt.user("hi")))) {
      for (StreamPart part : stream) parts.add(part);
    }
    assertThat(parts)
        .filteredOn(p -> p instanceof TextDelta)
        .extracting(p -> ((TextDelta) p).delta())
        .containsExactly("Hel");
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class,
            e ->
                assertThat(e.error())
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("read timeout")
                    .hasMessageNotContaining("Bearer"));
  }
}
