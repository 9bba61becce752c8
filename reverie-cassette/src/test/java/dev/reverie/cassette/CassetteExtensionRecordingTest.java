package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.net.httpserver.HttpServer;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.message.Message;
import dev.reverie.provider.openai.OpenAi;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.transport.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Record mode of {@link UseCassette}: a conversation through the real OpenAI provider and the real
 * JDK transport against a loopback server, written without credentials, then replayed offline.
 */
class CassetteExtensionRecordingTest {
  private static final String TEST_KIT_PARAMETER = "dev.reverie.cassette.testkit";
  private static final String CASSETTE = "recorded/conversation.yaml";
  private static final String API_KEY = "sk-live-SECRET-0123456789";
  private static final String SECOND_KEY = "sk-live-OTHER-9876543210";

  private static final String COMPLETION =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Olá!\"},"
          + "\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";
  private static final String CHUNKS =
      chunk("{\"role\":\"assistant\",\"content\":\"Tchau\"}", "null")
          + chunk("{\"content\":\"!\"}", "\"stop\"")
          + "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1,"
          + "\"model\":\"gpt-4o\",\"choices\":[],"
          + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}\n\n"
          + "data: [DONE]\n\n";

  /** What the loopback server received, one entry per request: its credentials. */
  static final List<Map<String, String>> SERVER_SAW = new CopyOnWriteArrayList<>();

  /** The mode each sample test was given, in order. */
  static final List<CassetteMode> MODES_SEEN = new CopyOnWriteArrayList<>();

  static volatile String baseUrl;

  @TempDir Path root;
  private HttpServer server;

  private static String chunk(String delta, String finishReason) {
    return "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]}\n\n";
  }

  @BeforeEach
  void startServer() throws IOException {
    SERVER_SAW.clear();
    MODES_SEEN.clear();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          SERVER_SAW.add(
              Map.of(
                  "authorization",
                  String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                  "x-api-key",
                  String.valueOf(exchange.getRequestHeaders().getFirst("x-api-key"))));
          boolean streamed = body.contains("\"stream\":true");
          byte[] reply = (streamed ? CHUNKS : COMPLETION).getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", streamed ? "text/event-stream" : "application/json");
          exchange.getResponseHeaders().add("Set-Cookie", "session=" + API_KEY);
          exchange.sendResponseHeaders(200, reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        });
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void recordsAConversationWithoutCredentialsAndReplaysIt() throws IOException {
    Events recording = run(RecordsAConversation.class, Map.of());

    recording.assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    assertThat(SERVER_SAW).hasSize(2);
    assertThat(SERVER_SAW.get(0))
        .containsEntry("authorization", "Bearer " + API_KEY)
        .containsEntry("x-api-key", SECOND_KEY);
    Path file = root.resolve(CASSETTE);
    String yaml = Files.readString(file);
    assertThat(yaml)
        .doesNotContain(API_KEY)
        .doesNotContain(SECOND_KEY)
        .doesNotContain("sk-live")
        .doesNotContainIgnoringCase("authorization")
        .doesNotContainIgnoringCase("x-api-key")
        .doesNotContainIgnoringCase("set-cookie")
        .contains("url: " + baseUrl + "/chat/completions")
        .contains("Tchau");
    assertThat(Cassette.load(file).interactions()).hasSize(2);
    assertThat(MODES_SEEN).containsExactly(CassetteMode.RECORD);

    // The same test, told by the run-wide setting to replay: the server hears nothing more.
    Events replay = run(RecordsAConversation.class, Map.of(CassetteMode.PROPERTY, "replay"));

    replay.assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    assertThat(SERVER_SAW).hasSize(2);
    assertThat(MODES_SEEN).containsExactly(CassetteMode.RECORD, CassetteMode.REPLAY);
    assertThat(Files.readString(file)).isEqualTo(yaml);
  }

  @Test
  void recordOnceRecordsAMissingCassetteAndThenReplaysIt() throws IOException {
    run(RecordsOnce.class, Map.of()).assertStatistics(stats -> stats.succeeded(1).failed(0));
    String recorded = Files.readString(root.resolve(CASSETTE));

    run(RecordsOnce.class, Map.of()).assertStatistics(stats -> stats.succeeded(1).failed(0));

    assertThat(SERVER_SAW).hasSize(2);
    assertThat(MODES_SEEN).containsExactly(CassetteMode.RECORD, CassetteMode.REPLAY);
    assertThat(Files.readString(root.resolve(CASSETTE))).isEqualTo(recorded);
  }

  @Test
  void theSystemPropertyRecordsAReplayTest() {
    String before = System.getProperty(CassetteMode.PROPERTY);
    System.setProperty(CassetteMode.PROPERTY, "RECORD");
    try {
      run(ReplaysByDefault.class, Map.of()).assertStatistics(stats -> stats.succeeded(1));
    } finally {
      if (before == null) System.clearProperty(CassetteMode.PROPERTY);
      else System.setProperty(CassetteMode.PROPERTY, before);
    }

    assertThat(SERVER_SAW).hasSize(2);
    assertThat(MODES_SEEN).containsExactly(CassetteMode.RECORD);
    assertThat(root.resolve(CASSETTE)).exists();
  }

  @Test
  void aFailedRecordingWritesNothing() {
    Throwable failure = onlyFailure(run(FailsWhileRecording.class, Map.of()));

    assertThat(failure).hasMessage("the conversation went wrong");
    assertThat(SERVER_SAW).hasSize(2);
    assertThat(root.resolve(CASSETTE)).doesNotExist();
  }

  @Test
  void anUnknownModeIsAClearError() {
    Throwable failure =
        onlyFailure(run(RecordsAConversation.class, Map.of(CassetteMode.PROPERTY, "sometimes")));

    assertThat(failure)
        .isInstanceOf(CassetteException.class)
        .hasMessage(
            "reverie.cassette.mode is \"sometimes\"; expected replay, record or record_once");
    assertThat(SERVER_SAW).isEmpty();
  }

  @Test
  void aReplayTransportCannotBeInjectedWhileRecording() {
    Throwable failure = onlyFailure(run(WantsAReplayTransport.class, Map.of()));

    assertThat(failure)
        .hasMessageContaining("is being recorded")
        .hasMessageContaining("use a Transport");
  }

  private Events run(Class<?> sample, Map<String, String> parameters) {
    var kit =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(TEST_KIT_PARAMETER, "true")
            .configurationParameter(CassetteExtension.ROOT_PROPERTY, root.toString())
            .configurationParameters(parameters);
    return kit.selectors(selectClass(sample)).execute().testEvents();
  }

  private static Throwable onlyFailure(Events tests) {
    List<Throwable> failures = new ArrayList<>();
    tests.failed().stream()
        .forEach(
            event ->
                event
                    .getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable)
                    .ifPresent(failures::add));
    assertThat(failures).hasSize(1);
    return failures.get(0);
  }

  /** Two turns, generated then streamed, through the OpenAI provider with real-looking keys. */
  static void converse(Transport transport) {
    LanguageModel model =
        OpenAi.builder()
            .apiKey(API_KEY)
            .header("x-api-key", SECOND_KEY)
            .baseUrl(baseUrl)
            .retryPolicy(RetryPolicy.none())
            .transport(transport)
            .build()
            .languageModel("gpt-4o");
    Prompt first = Prompt.of("You are a helpful assistant", "Say hi in Portuguese");
    String hello = model.generate(first).text();
    assertThat(hello).isEqualTo("Olá!");

    var goodbye = new StringBuilder();
    Prompt second = first.plus(Message.assistant(hello), Message.user("Now say goodbye"));
    try (PartStream parts = model.stream(second)) {
      for (StreamPart part : parts) {
        if (part instanceof TextDelta delta) goodbye.append(delta.delta());
      }
    }
    assertThat(goodbye.toString()).isEqualTo("Tchau!");
  }

  @ExtendWith(CassetteExtensionTest.OnlyInTestKit.class)
  static class RecordsAConversation {
    @Test
    @UseCassette(value = CASSETTE, mode = CassetteMode.RECORD)
    void converses(Transport transport, CassetteMode mode) {
      MODES_SEEN.add(mode);
      converse(transport);
    }
  }

  @ExtendWith(CassetteExtensionTest.OnlyInTestKit.class)
  static class RecordsOnce {
    @Test
    @UseCassette(value = CASSETTE, mode = CassetteMode.RECORD_ONCE)
    void converses(Transport transport, CassetteMode mode) {
      MODES_SEEN.add(mode);
      converse(transport);
    }
  }

  @ExtendWith(CassetteExtensionTest.OnlyInTestKit.class)
  static class ReplaysByDefault {
    @Test
    @UseCassette(CASSETTE)
    void converses(Transport transport, CassetteMode mode) {
      MODES_SEEN.add(mode);
      converse(transport);
    }
  }

  @ExtendWith(CassetteExtensionTest.OnlyInTestKit.class)
  static class FailsWhileRecording {
    @Test
    @UseCassette(value = CASSETTE, mode = CassetteMode.RECORD)
    void converses(Transport transport) {
      converse(transport);
      throw new AssertionError("the conversation went wrong");
    }
  }

  @ExtendWith(CassetteExtensionTest.OnlyInTestKit.class)
  static class WantsAReplayTransport {
    @Test
    @UseCassette(value = CASSETTE, mode = CassetteMode.RECORD)
    void converses(ReplayTransport transport) {}
  }
}
