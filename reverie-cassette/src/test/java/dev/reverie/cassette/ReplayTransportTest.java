package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.reverie.error.CancelledException;
import dev.reverie.error.TransportException;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReplayTransportTest {
  private static final String URL = "https://api.example.com/v1/chat";

  private static Interaction interaction(int id, String requestBody, String responseBody) {
    return new Interaction(
        id,
        new RecordedRequest("POST", URL, HttpHeaders.EMPTY, requestBody),
        new RecordedResponse(
            200,
            "200 OK",
            HttpHeaders.of("Content-Type", "text/event-stream"),
            responseBody.getBytes(StandardCharsets.UTF_8),
            -1,
            "1s"));
  }

  private static HttpRequest post(String body) {
    return new HttpRequest(
        "POST",
        URI.create(URL),
        HttpHeaders.of("Authorization", "Bearer sk-secret", "x-api-key", "sk-ant-secret"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(HttpResponse response) throws IOException {
    try (response) {
      return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void answersFromTheFirstUnusedMatchingInteractionInFileOrder() throws IOException {
    var transport =
        new ReplayTransport(
            Cassette.of(
                List.of(
                    interaction(0, "{\"turn\":1}", "first"),
                    interaction(1, "{\"turn\":2}", "second"),
                    interaction(2, "{\"turn\":1}", "first again"))));

    assertThat(read(transport.send(post("{\"turn\":2}")))).isEqualTo("second");
    assertThat(read(transport.send(post("{ \"turn\": 1 }")))).isEqualTo("first");
    assertThat(transport.allUsed()).isFalse();
    assertThat(transport.unusedInteractions()).extracting(Interaction::id).containsExactly(2);
    assertThat(read(transport.send(post("{\"turn\":1}")))).isEqualTo("first again");
    assertThat(transport.allUsed()).isTrue();
    assertThat(transport.unusedInteractions()).isEmpty();

    assertThat(transport.checks())
        .extracting(RequestCheck::interactionId, RequestCheck::outcome)
        .containsExactly(
            tuple(1, MatchOutcome.EXACT),
            tuple(0, MatchOutcome.JSON_EQUAL),
            tuple(2, MatchOutcome.EXACT));
    assertThat(transport.requests()).hasSize(3);
    assertThat(transport.toString()).isEqualTo("ReplayTransport[(in memory), 3/3 used]");
  }

  @Test
  void returnsTheRecordedStatusAndHeaders() {
    var transport = new ReplayTransport(Cassette.of(List.of(interaction(0, "{}", "x"))));
    try (HttpResponse response = transport.send(post("{}"))) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers().first("content-type")).hasValue("text/event-stream");
    }
  }

  @Test
  void unmatchedRequestFailsWithTheFirstDifferenceAgainstTheNextUnusedInteraction() {
    var transport =
        new ReplayTransport(
            Cassette.of(
                List.of(
                    interaction(0, "{\"model\":\"a\"}", "used"),
                    interaction(1, "{\"model\":\"b\",\"stream\":true}", "unused"))));
    transport.send(post("{\"model\":\"a\"}")).close();

    assertThatThrownBy(() -> transport.send(post("{\"model\":\"c\",\"stream\":true}")))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage(
            "no recorded interaction matches POST https://api.example.com/v1/chat in cassette"
                + " (in memory); next unused interaction 1: /model: recorded \"b\" but sent \"c\"")
        .hasMessageNotContaining("sk-secret");

    RequestCheck failed = transport.checks().get(1);
    assertThat(failed.matched()).isFalse();
    assertThat(failed.interactionId()).isEqualTo(1);
    assertThat(failed.difference()).isEqualTo("/model: recorded \"b\" but sent \"c\"");
    assertThat(transport.requests()).hasSize(2);
    assertThat(transport.unusedInteractions()).extracting(Interaction::id).containsExactly(1);
  }

  @Test
  void requestAfterEveryInteractionWasUsedFails() {
    var transport = new ReplayTransport(Cassette.of(List.of(interaction(0, "{}", "x"))));
    transport.send(post("{}")).close();
    assertThatThrownBy(() -> transport.send(post("{}")))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("every one of the 1 recorded interactions was already used");
    assertThat(transport.checks().get(1).interactionId()).isEqualTo(-1);
  }

  @Test
  void bodyIsHandedOutInChunksOfAtMostTheConfiguredSize() throws IOException {
    String body = "data: " + "z".repeat(200) + "\n\n";
    var transport = new ReplayTransport(Cassette.of(List.of(interaction(0, "{}", body))), 10);
    try (HttpResponse response = transport.send(post("{}"))) {
      InputStream in = response.body();
      assertThat(in.available()).isZero();
      byte[] buffer = new byte[4096];
      var sizes = new ArrayList<Integer>();
      var collected = new StringBuilder();
      int n;
      while ((n = in.read(buffer)) > 0) {
        sizes.add(n);
        collected.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(10));
      assertThat(sizes).hasSize((body.length() + 9) / 10);
      assertThat(collected.toString()).isEqualTo(body);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void defaultChunkSizeIs64() throws IOException {
    var transport =
        new ReplayTransport(Cassette.of(List.of(interaction(0, "{}", "q".repeat(1000)))));
    try (HttpResponse response = transport.send(post("{}"))) {
      assertThat(response.body().read(new byte[1000])).isEqualTo(64);
    }
  }

  @Test
  void readingAfterCloseIsCancelled() {
    var transport = new ReplayTransport(Cassette.of(List.of(interaction(0, "{}", "abc"))));
    HttpResponse response = transport.send(post("{}"));
    response.close();
    response.close();
    assertThatThrownBy(() -> response.body().read()).isInstanceOf(CancelledException.class);
  }

  @Test
  void interruptedCallerIsCancelled() throws InterruptedException {
    var transport = new ReplayTransport(Cassette.of(List.of(interaction(0, "{}", "abc"))));
    var outcome = new AtomicReference<Throwable>();
    Thread caller =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              try {
                transport.send(post("{}"));
              } catch (Throwable e) {
                outcome.set(e);
              }
            });
    caller.start();
    caller.join();
    assertThat(outcome.get()).isInstanceOf(CancelledException.class);
    assertThat(transport.allUsed()).isFalse();
  }

  @Test
  void rejectsNonPositiveChunkSizes() {
    assertThatThrownBy(() -> new ReplayTransport(Cassette.of(List.of()), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyCassetteIsAllUsed() {
    assertThat(new ReplayTransport(Cassette.of(List.of())).allUsed()).isTrue();
  }
}
