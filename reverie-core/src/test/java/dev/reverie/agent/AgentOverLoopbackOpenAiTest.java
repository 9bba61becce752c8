package dev.reverie.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.LanguageModel;
import dev.reverie.RetryPolicy;
import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.provider.openai.OpenAi;
import dev.reverie.stream.Error;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.transport.JdkHttpTransport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The agent over the real OpenAI provider and JDK transport against a raw loopback server, for
 * faults a scripted model cannot show: a connection reset in the middle of a stream, and a 429
 * retried by the transport's retry interceptor.
 */
@Timeout(60) // a safety net against hanging the build, not a timing assertion
class AgentOverLoopbackOpenAiTest {
  private static final String FIRST_CHUNK =
      "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"},"
          + "\"finish_reason\":null}]}\n\n";
  private static final String LAST_CHUNKS =
      "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n"
          + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
          + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}\n\n"
          + "data: [DONE]\n\n";

  /** What the server does with one connection. */
  @FunctionalInterface
  private interface Behaviour {
    void serve(Socket socket, OutputStream out) throws IOException;
  }

  private ServerSocket server;
  private Thread acceptor;
  private final List<Behaviour> behaviours = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  int index = connections.getAndIncrement();
                  readRequest(socket.getInputStream());
                  Behaviour behaviour;
                  synchronized (behaviours) {
                    behaviour = behaviours.get(Math.min(index, behaviours.size() - 1));
                  }
                  behaviour.serve(socket, socket.getOutputStream());
                } catch (IOException closed) {
                  // the server was stopped or the client went away
                }
              }
            },
            "loopback-openai");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    acceptor.join(10_000);
  }

  private static void readRequest(InputStream raw) throws IOException {
    var in = new BufferedInputStream(raw);
    var line = new StringBuilder();
    int length = 0;
    while (true) {
      int c = in.read();
      if (c < 0) return;
      if (c == '\n') {
        String header = line.toString().trim();
        if (header.isEmpty()) break;
        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(header.substring("content-length:".length()).trim());
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    in.readNBytes(length);
  }

  private static void writeHead(OutputStream out, String status, String... headers)
      throws IOException {
    var head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
    for (String header : headers) head.append(header).append("\r\n");
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void writeChunk(OutputStream out, String data) throws IOException {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Sends the first chunk, waits until the client has seen it, then resets the connection. */
  private static Behaviour resetAfterFirstChunk(CountDownLatch firstChunkSeen) {
    return (socket, out) -> {
      writeHead(out, "200 OK", "Content-Type: text/event-stream", "Transfer-Encoding: chunked");
      writeChunk(out, FIRST_CHUNK);
      try {
        firstChunkSeen.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      socket.setSoLinger(true, 0); // the close sends a TCP reset
    };
  }

  private static final Behaviour WHOLE_STREAM =
      (socket, out) -> {
        writeHead(out, "200 OK", "Content-Type: text/event-stream", "Transfer-Encoding: chunked");
        writeChunk(out, FIRST_CHUNK);
        writeChunk(out, LAST_CHUNKS);
        out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      };

  private static final Behaviour RATE_LIMITED =
      (socket, out) -> {
        byte[] body =
            "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}"
                .getBytes(StandardCharsets.UTF_8);
        writeHead(
            out,
            "429 Too Many Requests",
            "Content-Type: application/json",
            "Retry-After-Ms: 1",
            "Content-Length: " + body.length);
        out.write(body);
        out.flush();
      };

  private LanguageModel model(RetryPolicy policy) {
    var transport = JdkHttpTransport.create().with(policy.interceptor());
    return OpenAi.builder()
        .apiKey("sk-test")
        .baseUrl("http://127.0.0.1:" + server.getLocalPort() + "/v1")
        .transport(transport)
        .build()
        .languageModel("gpt-4o");
  }

  @Test
  void aConnectionResetMidStreamEndsTheAgentStreamWithAnErrorPart() {
    var firstChunkSeen = new CountDownLatch(1);
    behaviours.add(resetAfterFirstChunk(firstChunkSeen));
    var agent = Agent.builder(model(RetryPolicy.defaults())).build();
    var parts = new ArrayList<StreamPart>();

    try (AgentStream stream = agent.stream("hi")) {
      for (StreamPart part : stream) {
        parts.add(part);
        if (part instanceof TextDelta) firstChunkSeen.countDown();
      }
      assertThatThrownBy(stream::result).isInstanceOf(ReverieException.class);
    }

    assertThat(parts).anyMatch(p -> p instanceof TextDelta delta && delta.delta().equals("Hel"));
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class, e -> assertThat(e.error().getMessage()).doesNotContain("sk-test"));
    assertThat(connections).hasValue(1); // failures after the first byte are not retried
  }

  @Test
  void interruptingTheIteratingThreadAbortsAStalledStream() throws Exception {
    var release = new CountDownLatch(1);
    behaviours.add(
        (socket, out) -> {
          writeHead(out, "200 OK", "Content-Type: text/event-stream", "Transfer-Encoding: chunked");
          writeChunk(out, FIRST_CHUNK);
          try {
            release.await(30, TimeUnit.SECONDS); // stall: the rest never comes in time
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    var agent = Agent.builder(model(RetryPolicy.defaults())).build();
    var parts = java.util.Collections.synchronizedList(new ArrayList<StreamPart>());
    var firstDelta = new CountDownLatch(1);
    var consumer =
        new Thread(
            () -> {
              try (AgentStream stream = agent.stream("hi")) {
                for (StreamPart part : stream) {
                  parts.add(part);
                  if (part instanceof TextDelta) firstDelta.countDown();
                }
              }
            });
    consumer.setDaemon(true);
    consumer.start();
    assertThat(firstDelta.await(30, TimeUnit.SECONDS)).isTrue();

    consumer.interrupt();
    consumer.join(30_000);
    release.countDown();

    assertThat(consumer.isAlive()).isFalse();
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class, e -> assertThat(e.error()).isInstanceOf(CancelledException.class));
  }

  @Test
  void aRateLimitedRequestIsRetriedByTheTransportAndTheAgentCarriesOn() {
    behaviours.add(RATE_LIMITED);
    behaviours.add(WHOLE_STREAM);
    var agent = Agent.builder(model(RetryPolicy.defaults())).build();

    AgentResult result = agent.stream("hi", new AgentListener() {});

    assertThat(result.text()).isEqualTo("Hello");
    assertThat(connections).hasValue(2);
  }
}
