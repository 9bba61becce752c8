package dev.reverie.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.error.TransportException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LoggingInterceptorTest {
  private static final HttpRequest REQUEST =
      HttpRequest.postJson(
          URI.create("https://api.example.com/v1/messages?key=sk-query-secret&alt=sse"),
          HttpHeaders.of(
              "Authorization", "Bearer sk-secret",
              "x-api-key", "sk-ant-secret",
              "User-Agent", "reverie"),
          "{\"prompt\":\"hello\"}");

  @Test
  void logsMethodUrlStatusAndRedactedHeadersAtDebug() {
    var logger = new RecordingLogger(Level.DEBUG);
    Transport transport =
        ((Transport)
                request ->
                    new FixedResponse(
                        201, HttpHeaders.of("Set-Cookie", "s=1", "X-Request-Id", "r1")))
            .with(new LoggingInterceptor(logger));

    try (HttpResponse response = transport.send(REQUEST)) {
      assertThat(response.status()).isEqualTo(201);
    }

    assertThat(logger.messages).hasSize(2);
    assertThat(logger.messages.get(0))
        .contains("POST https://api.example.com/v1/messages")
        .contains("alt=sse")
        .contains("User-Agent=reverie")
        .contains("18 bytes");
    assertThat(logger.messages.get(1)).contains("201").contains("X-Request-Id=r1");
    assertThat(String.join("\n", logger.messages))
        .doesNotContain("sk-secret")
        .doesNotContain("sk-ant-secret")
        .doesNotContain("sk-query-secret")
        .doesNotContain("s=1")
        .doesNotContain("hello");
  }

  @Test
  void logsFailuresAndRethrowsThem() {
    var logger = new RecordingLogger(Level.DEBUG);
    Transport transport =
        ((Transport)
                request -> {
                  throw new TransportException("POST https://api.example.com failed", null);
                })
            .with(new LoggingInterceptor(logger));

    assertThatThrownBy(() -> transport.send(REQUEST)).isInstanceOf(TransportException.class);
    assertThat(logger.messages.get(1)).contains("failed").contains("TransportException");
  }

  @Test
  void logsNothingWhenDebugIsOff() {
    var logger = new RecordingLogger(Level.INFO);
    Transport transport =
        ((Transport) request -> new FixedResponse(200, HttpHeaders.EMPTY))
            .with(new LoggingInterceptor(logger));
    transport.send(REQUEST).close();
    assertThat(logger.messages).isEmpty();
  }

  private record FixedResponse(int status, HttpHeaders headers) implements HttpResponse {
    @Override
    public InputStream body() {
      return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public void close() {}
  }
}
