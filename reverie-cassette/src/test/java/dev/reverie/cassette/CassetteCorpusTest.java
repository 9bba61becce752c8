package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.internal.sse.ServerSentEvent;
import dev.reverie.internal.sse.SseReader;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded conformance cassette loads, replays against itself, and survives a rewrite. */
class CassetteCorpusTest {
  static Stream<Path> cassettes() {
    return TestCassettes.all().stream();
  }

  @Test
  void theWholeCorpusIsFound() {
    assertThat(TestCassettes.all()).hasSizeGreaterThanOrEqualTo(223);
  }

  @ParameterizedTest
  @MethodSource("cassettes")
  void loadsWithConsecutiveIdsAndPlausibleFields(Path path) {
    Cassette cassette = Cassette.load(path);
    assertThat(cassette.interactions()).isNotEmpty();
    for (int i = 0; i < cassette.interactions().size(); i++) {
      Interaction interaction = cassette.interactions().get(i);
      assertThat(interaction.id()).isEqualTo(i);
      assertThat(interaction.request().method()).isEqualTo("POST");
      assertThat(URI.create(interaction.request().url()).getScheme()).isIn("http", "https");
      assertThat(interaction.request().body()).isNotBlank();
      assertThat(interaction.response().code()).isEqualTo(200);
      assertThat(interaction.response().body()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("cassettes")
  void replaysEveryRecordedRequestExactlyAndInOrder(Path path) throws Exception {
    Cassette cassette = Cassette.load(path);
    var transport = new ReplayTransport(cassette, 17);
    for (Interaction interaction : cassette.interactions()) {
      RecordedRequest recorded = interaction.request();
      var request =
          new HttpRequest(
              recorded.method(),
              URI.create(recorded.url()),
              recorded.headers(),
              recorded.body().getBytes(StandardCharsets.UTF_8));
      try (HttpResponse response = transport.send(request)) {
        assertThat(response.status()).isEqualTo(interaction.response().code());
        assertThat(response.body().readAllBytes()).isEqualTo(interaction.response().body());
      }
    }
    assertThat(transport.allUsed()).isTrue();
    assertThat(transport.checks())
        .allSatisfy(check -> assertThat(check.outcome()).isEqualTo(MatchOutcome.EXACT));
  }

  @ParameterizedTest
  @MethodSource("cassettes")
  void survivesBeingWrittenAndReadBack(Path path) {
    Cassette cassette = Cassette.load(path);
    String yaml = cassette.toYaml();
    Cassette reread =
        Cassette.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rewrite");
    assertThat(reread.interactions()).isEqualTo(cassette.interactions());
  }

  @ParameterizedTest
  @MethodSource("cassettes")
  void eventStreamBodiesParseTheSameWholeAndInChunks(Path path) throws Exception {
    Cassette cassette = Cassette.load(path);
    var transport = new ReplayTransport(cassette, 64);
    for (Interaction interaction : cassette.interactions()) {
      boolean eventStream =
          interaction
              .response()
              .headers()
              .first("Content-Type")
              .map(type -> type.startsWith("text/event-stream"))
              .orElse(false);
      if (!eventStream) continue;
      List<ServerSentEvent> whole = events(new ByteArrayInputStream(interaction.response().body()));
      assertThat(whole).isNotEmpty();
      assertThat(whole).allSatisfy(event -> assertThat(event.data()).isNotEmpty());
      RecordedRequest recorded = interaction.request();
      var request =
          new HttpRequest(
              recorded.method(),
              URI.create(recorded.url()),
              recorded.headers(),
              recorded.body().getBytes(StandardCharsets.UTF_8));
      try (HttpResponse response = transport.send(request)) {
        assertThat(events(response.body())).isEqualTo(whole);
      }
    }
  }

  private static List<ServerSentEvent> events(InputStream in) {
    var events = new ArrayList<ServerSentEvent>();
    var reader = new SseReader(in);
    Optional<ServerSentEvent> event;
    while ((event = reader.next()).isPresent()) events.add(event.get());
    return events;
  }
}
