package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reverie.Call;
import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.error.CancelledException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Interrupting a thread blocked in generate's body read aborts the exchange. */
class OpenAiInterruptTest {
  private static final long SAFETY_SECONDS = 30;
  private HttpServer server;
  private final CountDownLatch bodyStarted = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write("{\"choices\":[".getBytes(StandardCharsets.UTF_8));
          exchange.getResponseBody().flush();
          bodyStarted.countDown();
          try {
            release.await(SAFETY_SECONDS, TimeUnit.SECONDS); // a server that stalls mid-body
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
  void interruptingGenerateAbortsTheExchange() throws Exception {
    var model =
        OpenAi.builder()
            .apiKey("k")
            .retryPolicy(RetryPolicy.none())
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
            .build()
            .languageModel("gpt-4o");
    var failure = new AtomicReference<Throwable>();
    var caller =
        new Thread(
            () -> {
              try {
                model.generate(Call.of(Prompt.user("hi")));
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    caller.start();
    assertThat(bodyStarted.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));
    assertThat(caller.isAlive()).as("the caller is still blocked").isFalse();
    assertThat(failure.get()).isInstanceOf(CancelledException.class);
  }
}
