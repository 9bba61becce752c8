package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reverie.Call;
import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.error.TransportException;
import dev.reverie.stream.Error;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.transport.JdkHttpTransport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stream whose connection stays open but goes silent ends with a typed error, not a hang. */
class OpenAiStalledStreamTest {
  private static final long SAFETY_SECONDS = 30;
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          String first =
              "data: {\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                  + "\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n";
          exchange.getResponseBody().write(first.getBytes(StandardCharsets.UTF_8));
          exchange.getResponseBody().flush();
          try {
            release.await(SAFETY_SECONDS, TimeUnit.SECONDS); // silent, connection still open
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  @Test
  @Timeout(SAFETY_SECONDS)
  void aSilentStreamEndsWithATimeoutAfterWhatArrived() {
    var model =
        OpenAi.builder()
            .apiKey("k")
            .retryPolicy(RetryPolicy.none())
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
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
