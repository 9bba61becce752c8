package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.error.ProviderException;
import dev.reverie.transport.JdkHttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTP error statuses from a loopback server, through the real JDK transport. */
class OpenAiErrorMappingTest {
  private static final String SECRET = "sk-proj-SECRET-do-not-leak-0123456789";
  private HttpServer server;
  private final AtomicReference<String> seenAuthorization = new AtomicReference<>();
  private int status;
  private String body;
  private String extraHeader;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          exchange.getRequestBody().readAllBytes();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("x-request-id", "req_123");
          if (extraHeader != null)
            exchange.getResponseHeaders().add(extraHeader.split(":")[0], extraHeader.split(":")[1]);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private LanguageModel model() {
    return OpenAi.builder()
        .apiKey(SECRET)
        .retryPolicy(dev.reverie.RetryPolicy.none())
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
        .transport(JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build())
        .build()
        .languageModel("gpt-4o");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "400|invalid_request_error|Invalid schema for response_format|false|",
        "401|invalid_request_error|Incorrect API key provided: sk-proj-****6789.|false|",
        "429|rate_limit_exceeded|Rate limit reached for gpt-4o|true|retry-after:2",
        "500|server_error|The server had an error while processing your request.|true|",
        "503|server_error|Service unavailable|true|retry-after-ms:150",
      })
  void errorStatusesBecomeTypedProviderExceptions(
      int code, String type, String message, boolean retryable, String header) {
    status = code;
    extraHeader = header;
    body =
        "{\"error\":{\"message\":\""
            + message
            + "\",\"type\":\""
            + type
            + "\",\"param\":null,\"code\":null}}";
    var captured = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    ProviderException e;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      e =
          catchThrowableOfType(
              ProviderException.class, () -> model().generate(Call.of(Prompt.user("hi"))));
    } finally {
      System.setErr(originalErr);
    }
    assertThat(seenAuthorization.get()).isEqualTo("Bearer " + SECRET);
    assertThat(e.status()).isEqualTo(code);
    assertThat(e.errorType()).isEqualTo(type);
    assertThat(e.providerMessage()).isEqualTo(message);
    assertThat(e.requestId()).isEqualTo("req_123");
    assertThat(e.isRetryable()).isEqualTo(retryable);
    assertThat(e.getMessage()).contains(String.valueOf(code)).contains(message);
    if (header != null && header.startsWith("retry-after:"))
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    if (header != null && header.startsWith("retry-after-ms:"))
      assertThat(e.retryAfter()).contains(Duration.ofMillis(150));
    // The key never leaks: not in the message, the trace, toString of the provider, or stderr.
    var trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(SECRET);
    assertThat(model().toString()).doesNotContain(SECRET);
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
  }
}
