package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.Call;
import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.error.CancelledException;
import dev.reverie.testing.StallingServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Interrupting a thread blocked in generate's body read aborts the exchange. */
class OpenAiInterruptTest {
  private static final long SAFETY_SECONDS = 30;
  // A server that stalls mid-body.
  private final StallingServer server =
      StallingServer.start("/v1/chat/completions", "application/json", "{\"choices\":[");

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void interruptingGenerateAbortsTheExchange() throws Exception {
    var model =
        OpenAi.builder()
            .apiKey("k")
            .retryPolicy(RetryPolicy.none())
            .baseUrl(server.origin() + "/v1")
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
    assertThat(server.awaitBodyStarted()).isTrue();
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));
    assertThat(caller.isAlive()).as("the caller is still blocked").isFalse();
    assertThat(failure.get()).isInstanceOf(CancelledException.class);
  }
}
