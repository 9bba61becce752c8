package dev.reverie.provider.vertex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.UserCredentials;
import com.sun.net.httpserver.HttpServer;
import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.testing.ScriptedTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in to Vertex without Google: Google's auth library against a fake token endpoint on
 * loopback, a static token, and credentials that cannot be found or refreshed.
 */
class VertexCredentialsTest {
  private static final String ANSWER =
      "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Oi\"}], \"role\": \"model\"},"
          + " \"finishReason\": \"STOP\"}]}";

  private HttpServer tokenServer;
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile int tokenStatus = 200;

  @BeforeEach
  void startTokenServer() throws IOException {
    tokenServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tokenServer.createContext(
        "/token",
        exchange -> {
          int n = tokenRequests.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          String body =
              tokenStatus == 200
                  ? "{\"access_token\": \"fresh-"
                      + n
                      + "\", \"expires_in\": 3600,"
                      + " \"token_type\": \"Bearer\"}"
                  : "{\"error\": \"invalid_grant\", \"error_description\": \"Token has been"
                      + " expired or revoked.\"}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(tokenStatus, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    tokenServer.start();
  }

  @AfterEach
  void stopTokenServer() {
    tokenServer.stop(0);
  }

  private UserCredentials userCredentials(String token, long expiresInMillis) {
    return UserCredentials.newBuilder()
        .setClientId("client-id")
        .setClientSecret("client-secret-value")
        .setRefreshToken("refresh-token-value")
        .setTokenServerUri(
            URI.create("http://127.0.0.1:" + tokenServer.getAddress().getPort() + "/token"))
        .setAccessToken(
            new AccessToken(token, new Date(System.currentTimeMillis() + expiresInMillis)))
        .build();
  }

  private static Vertex.Builder vertex(ScriptedTransport transport) {
    return Vertex.builder()
        .project("p")
        .location("us-east5")
        .transport(transport)
        .retryPolicy(RetryPolicy.none());
  }

  private static String authorization(ScriptedTransport transport, int request) {
    return transport.requests().get(request).headers().first("Authorization").orElse("");
  }

  @Test
  void anExpiredTokenIsRefreshedBeforeTheRequestAndThenReused() {
    var transport =
        new ScriptedTransport()
            .respond(200, "application/json", ANSWER)
            .respond(200, "application/json", ANSWER);
    var model =
        vertex(transport)
            .credentials(userCredentials("expired-token", -60_000))
            .build()
            .languageModel("gemini-2.5-flash");
    model.generate(Prompt.user("hi"));
    model.generate(Prompt.user("hi again"));
    assertThat(tokenRequests).hasValue(1);
    assertThat(authorization(transport, 0)).isEqualTo("Bearer fresh-1");
    assertThat(authorization(transport, 1)).isEqualTo("Bearer fresh-1");
  }

  @Test
  void aTokenAboutToExpireIsRefreshedAheadOfTime() {
    var transport = new ScriptedTransport().respond(200, "application/json", ANSWER);
    vertex(transport)
        .credentials(userCredentials("nearly-expired", 60_000))
        .build()
        .languageModel("gemini-2.5-flash")
        .generate(Prompt.user("hi"));
    assertThat(tokenRequests).hasValue(1);
    assertThat(authorization(transport, 0)).isEqualTo("Bearer fresh-1");
  }

  @Test
  void aFreshTokenIsUsedAsItIs() {
    var transport = new ScriptedTransport().respond(200, "application/json", ANSWER);
    vertex(transport)
        .credentials(userCredentials("still-good", 3_600_000))
        .build()
        .languageModel("gemini-2.5-flash")
        .generate(Prompt.user("hi"));
    assertThat(tokenRequests).hasValue(0);
    assertThat(authorization(transport, 0)).isEqualTo("Bearer still-good");
  }

  @Test
  void aRefusedRefreshIsAClearCredentialsErrorWithoutSecrets() {
    tokenStatus = 400;
    var transport = new ScriptedTransport().respond(200, "application/json", ANSWER);
    var model =
        vertex(transport)
            .credentials(userCredentials("expired-token", -60_000))
            .build()
            .languageModel("gemini-2.5-flash");
    assertThatThrownBy(() -> model.generate(Prompt.user("hi")))
        .isInstanceOf(VertexCredentialsException.class)
        .hasMessageContaining("refused to issue an access token")
        .hasMessageContaining("UserCredentials")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("refresh-token-value")
                    .doesNotContain("client-secret-value")
                    .doesNotContain("expired-token"));
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void missingApplicationDefaultCredentialsNameWhatToSet() {
    var transport = new ScriptedTransport();
    var model =
        vertex(transport)
            .credentialsLoader(
                () -> {
                  throw new IOException(
                      "Your default credentials were not found.\nTo set up ADC, see …");
                })
            .build()
            .languageModel("gemini-2.5-flash");
    assertThatThrownBy(() -> model.generate(Prompt.user("hi")))
        .isInstanceOf(VertexCredentialsException.class)
        .hasMessageContaining("no Google credentials found")
        .hasMessageContaining("Your default credentials were not found.")
        .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS")
        .hasMessageContaining("gcloud auth application-default login");
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void aStaticTokenIsSentAsABearerToken() {
    var transport = new ScriptedTransport().respond(200, "application/json", ANSWER);
    vertex(transport)
        .accessToken("static-token")
        .build()
        .languageModel("gemini-2.5-flash")
        .generate(Prompt.user("hi"));
    assertThat(authorization(transport, 0)).isEqualTo("Bearer static-token");
  }

  @Test
  void aMissingProjectOrLocationNamesItsVariable() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(Vertex.PROJECT_VARIABLE) == null);
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(Vertex.LOCATION_VARIABLE) == null);
    assertThatThrownBy(() -> Vertex.builder().location("us-east5").build())
        .hasMessageContaining("GOOGLE_CLOUD_PROJECT");
    assertThatThrownBy(() -> Vertex.builder().project("p").build())
        .hasMessageContaining("GOOGLE_CLOUD_LOCATION");
    assertThatThrownBy(() -> dev.reverie.Providers.languageModel("vertex:gemini-2.5-flash"))
        .hasMessageContaining("GOOGLE_CLOUD_PROJECT");
  }
}
