package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reverie.internal.sse.ServerSentEvent;
import dev.reverie.internal.sse.SseReader;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.JdkHttpTransport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTransportTest {
  private static final URI URL = URI.create("https://api.example.com/v1/chat/completions");

  private static HttpRequest requestWithSecrets(String body) {
    return new HttpRequest(
        "POST",
        URL,
        HttpHeaders.of(
            "Authorization", "Bearer sk-secret",
            "x-api-key", "sk-ant-secret",
            "anthropic-version", "2023-06-01",
            "Content-Type", "application/json",
            "Accept", "application/json",
            "User-Agent", "Reverie/0.1"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static ScriptedTransport upstream(String body) {
    return new ScriptedTransport(
        200,
        HttpHeaders.of(
            "Content-Type", "text/event-stream",
            "Set-Cookie", "session=cookie-secret",
            "x-request-id", "req-123",
            "Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length)),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void credentialsNeverReachTheCassette(@TempDir Path directory) throws IOException {
    var recorder = new RecordingTransport(upstream("data: hi\n\n"));
    try (HttpResponse response = recorder.send(requestWithSecrets("{\"q\":1}"))) {
      response.body().readAllBytes();
    }
    Path file = directory.resolve("recorded.yaml");
    recorder.save(file);

    String yaml = Files.readString(file);
    assertThat(yaml)
        .doesNotContain("sk-secret")
        .doesNotContain("sk-ant-secret")
        .doesNotContainIgnoringCase("authorization")
        .doesNotContainIgnoringCase("x-api-key")
        .doesNotContain("anthropic-version")
        .doesNotContain("cookie-secret")
        .doesNotContain("req-123")
        .contains("User-Agent:")
        .contains("Accept:")
        .contains("Content-Type:");
    Interaction interaction = recorder.interactions().get(0);
    assertThat(interaction.request().headers().asMap().keySet())
        .containsExactlyInAnyOrder("Content-Type", "Accept", "User-Agent");
    assertThat(interaction.response().headers().asMap().keySet()).containsExactly("Content-Type");
    assertThat(interaction.toString() + interaction.request() + recorder.cassette())
        .doesNotContain("sk-secret")
        .doesNotContain("sk-ant-secret");
  }

  @Test
  void writesTheGoVcrLayout() throws IOException {
    var recorder = new RecordingTransport(upstream("data: hi\n\ndata: [DONE]\n\n"));
    try (HttpResponse response = recorder.send(requestWithSecrets("{\"q\":1}"))) {
      response.body().readAllBytes();
    }
    String yaml = recorder.cassette().toYaml();
    assertThat(yaml)
        .startsWith(
            """
            ---
            version: 2
            interactions:
            - id: 0
              request:
                proto: HTTP/1.1
                proto_major: 1
                proto_minor: 1
                content_length: 7
                host: ""
                body: '{"q":1}'
                headers:
                  Accept:
                  - application/json
                  Content-Type:
                  - application/json
                  User-Agent:
                  - Reverie/0.1
                url: https://api.example.com/v1/chat/completions
                method: POST
              response:
                proto: HTTP/1.1
                proto_major: 1
                proto_minor: 1
                content_length: 24
                body: |+
                  data: hi

                  data: [DONE]

                headers:
                  Content-Type:
                  - text/event-stream
                status: 200 OK
                code: 200
                duration:\s""");
  }

  @Test
  void recordedCassetteLoadsBackAndReplays(@TempDir Path directory) throws IOException {
    String body = "data: {\"delta\":\"Ol\u00e1 \ud83d\ude00\"}\n\ndata: [DONE]\n\n";
    var recorder = new RecordingTransport(upstream(body));
    for (int turn = 1; turn <= 2; turn++) {
      try (HttpResponse response = recorder.send(requestWithSecrets("{\"turn\":" + turn + "}"))) {
        response.body().readAllBytes();
      }
    }
    Path file = directory.resolve("round-trip.yaml");
    recorder.save(file);

    Cassette loaded = Cassette.load(file);
    assertThat(loaded.interactions()).isEqualTo(recorder.interactions());
    assertThat(loaded.interactions()).extracting(Interaction::id).containsExactly(0, 1);
    var replay = new ReplayTransport(loaded);
    for (int turn = 1; turn <= 2; turn++) {
      try (HttpResponse response = replay.send(requestWithSecrets("{\"turn\":" + turn + "}"))) {
        assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo(body);
      }
    }
    assertThat(replay.allUsed()).isTrue();
  }

  @Test
  void binaryBodiesAreWrittenAsBinaryAndReadBackExactly() {
    byte[] frame = {
      0, 0, 0, 16, (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, 10, 13, 1, 2, 3, 4, 5, 6
    };
    var recorder =
        new RecordingTransport(
            new ScriptedTransport(
                200, HttpHeaders.of("Content-Type", "application/vnd.amazon.eventstream"), frame));
    try (HttpResponse response = recorder.send(requestWithSecrets("{}"))) {
      response.body().readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String yaml = recorder.cassette().toYaml();
    assertThat(yaml).contains("body: !!binary |");
    Cassette loaded =
        Cassette.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "binary");
    assertThat(loaded.interactions().get(0).response().body()).isEqualTo(frame);
  }

  @Test
  void bodyIsRecordedAsFarAsTheCallerRead() throws IOException {
    var upstream = upstream("data: one\n\ndata: two\n\n");
    var recorder = new RecordingTransport(upstream);
    HttpResponse response = recorder.send(requestWithSecrets("{}"));
    byte[] firstPart = new byte[11];
    assertThat(response.body().readNBytes(firstPart, 0, 11)).isEqualTo(11);
    assertThat(recorder.interactions().get(0).response().bodyText()).isEqualTo("data: one\n\n");
    response.close();
    assertThat(upstream.closed).isTrue();
    assertThat(recorder.interactions().get(0).response().bodyText()).isEqualTo("data: one\n\n");
    assertThat(recorder.interactions().get(0).response().contentLength()).isEqualTo(22);
  }

  @Test
  void recordsRealStreamedTrafficFromALoopbackServer(@TempDir Path directory) throws Exception {
    String events = "event: delta\ndata: {\"t\":\"a\"}\n\nevent: done\ndata: {}\n\n";
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/stream",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.getResponseHeaders().add("X-Secret-Header", "server-secret");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (String part : events.split("(?<=\n\n)")) {
              out.write(part.getBytes(StandardCharsets.UTF_8));
              out.flush();
            }
          }
        });
    server.start();
    try {
      URI uri =
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/stream?alt=sse");
      var recorder = new RecordingTransport(JdkHttpTransport.create());
      var request =
          HttpRequest.postJson(uri, HttpHeaders.of("Authorization", "Bearer sk-live"), "{\"s\":1}");
      List<ServerSentEvent> live = readEvents(recorder.send(request));
      assertThat(live).extracting(ServerSentEvent::event).containsExactly("delta", "done");

      Path file = directory.resolve("live.yaml");
      recorder.save(file);
      assertThat(Files.readString(file))
          .doesNotContain("sk-live")
          .doesNotContain("server-secret")
          .contains("url: http://127.0.0.1:");

      var replay = ReplayTransport.load(file);
      assertThat(readEvents(replay.send(request))).isEqualTo(live);
      assertThat(replay.checks())
          .extracting(RequestCheck::outcome)
          .containsExactly(MatchOutcome.EXACT);
    } finally {
      server.stop(0);
    }
  }

  private static List<ServerSentEvent> readEvents(HttpResponse response) {
    try (response;
        var reader = new SseReader(response.body())) {
      var events = new ArrayList<ServerSentEvent>();
      Optional<ServerSentEvent> event;
      while ((event = reader.next()).isPresent()) events.add(event.get());
      return events;
    }
  }

  @Test
  void aKeyInTheQueryIsRedactedAndTheCassetteStillReplays(@TempDir Path directory)
      throws IOException {
    String liveUrl =
        "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent"
            + "?key=AIzaLIVE-SECRET&alt=json";
    var recorder = new RecordingTransport(upstream("{\"ok\":true}"));
    var live =
        new HttpRequest(
            "POST",
            URI.create(liveUrl),
            HttpHeaders.of("Content-Type", "application/json"),
            "{\"q\":1}".getBytes(StandardCharsets.UTF_8));
    try (HttpResponse response = recorder.send(live)) {
      response.body().readAllBytes();
    }
    Path file = directory.resolve("query-key.yaml");
    recorder.save(file);

    String yaml = Files.readString(file);
    assertThat(yaml)
        .doesNotContain("AIzaLIVE-SECRET")
        .contains(
            "url: https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash"
                + ":generateContent?key=REDACTED&alt=json");
    assertThat(recorder.interactions().get(0).request().url()).doesNotContain("AIzaLIVE-SECRET");

    var replay = ReplayTransport.load(file);
    var withDummyKey =
        new HttpRequest(
            "POST",
            URI.create(liveUrl.replace("AIzaLIVE-SECRET", "dummy")),
            HttpHeaders.of("Content-Type", "application/json"),
            "{\"q\":1}".getBytes(StandardCharsets.UTF_8));
    try (HttpResponse response = replay.send(withDummyKey)) {
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"ok\":true}");
    }
    assertThat(replay.checks())
        .extracting(RequestCheck::outcome)
        .containsExactly(MatchOutcome.EXACT);
    assertThat(replay.allUsed()).isTrue();
  }
}
