package dev.reverie.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.error.ReverieException;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * SigV4 through the SDK's signer, against AWS's published test suite (aws-sig-v4-test-suite, the
 * example credentials and time every vector uses) and for Bedrock's own requests.
 */
class SigV4SigningInterceptorTest {
  private static final String ACCESS_KEY = "AKIDEXAMPLE";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Clock VECTOR_TIME =
      Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

  private static SigV4SigningInterceptor signer(
      IdentityProvider<? extends AwsCredentialsIdentity> credentials,
      String region,
      String service) {
    return new SigV4SigningInterceptor(() -> credentials, region, service, VECTOR_TIME);
  }

  private static IdentityProvider<? extends AwsCredentialsIdentity> exampleCredentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  @Test
  void theReferenceImplementationReproducesThePublishedVectors() {
    // get-vanilla and post-vanilla of aws-sig-v4-test-suite.
    var headers = Map.of("Host", "example.amazonaws.com", "X-Amz-Date", "20150830T123600Z");
    assertThat(
            ReferenceSigV4.signature(
                SECRET_KEY,
                "GET",
                "/",
                headers,
                new byte[0],
                "20150830T123600Z",
                "us-east-1",
                "service"))
        .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    assertThat(
            ReferenceSigV4.signature(
                SECRET_KEY,
                "POST",
                "/",
                headers,
                new byte[0],
                "20150830T123600Z",
                "us-east-1",
                "service"))
        .isEqualTo("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
  }

  @Test
  void theSdkSignerSignsAVectorRequestAsTheReferenceDoes() {
    HttpRequest request =
        new HttpRequest(
            "POST", URI.create("https://example.amazonaws.com/"), HttpHeaders.EMPTY, null);

    HttpRequest signed = signer(exampleCredentials(), "us-east-1", "service").sign(request);

    assertThat(signed.headers().first("X-Amz-Date")).contains("20150830T123600Z");
    assertThat(signed.headers().first("Host")).isEmpty(); // the HTTP client sends it
    assertSignedAsTheReferenceSigns(signed, "us-east-1", "service");
  }

  @Test
  void aBedrockRequestIsSignedForBedrockInItsRegionWithTheEscapedPath() {
    HttpRequest request =
        HttpRequest.postJson(
            URI.create(
                "https://bedrock-runtime.us-west-2.amazonaws.com/model/"
                    + "us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke"),
            HttpHeaders.of("Accept", "application/json"),
            "{\"max_tokens\":10}");

    HttpRequest signed = signer(exampleCredentials(), "us-west-2", "bedrock").sign(request);
    HttpRequest again = signer(exampleCredentials(), "us-west-2", "bedrock").sign(request);

    assertThat(signed.headers().first("Authorization").orElseThrow())
        .startsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/bedrock/aws4_request,"
                + " SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date,");
    assertSignedAsTheReferenceSigns(signed, "us-west-2", "bedrock");
    assertThat(again).isEqualTo(signed); // deterministic for fixed inputs
    assertThat(signed.uri()).isEqualTo(request.uri());
    assertThat(signed.bodyText()).isEqualTo(request.bodyText());
    HttpRequest otherBody =
        signer(exampleCredentials(), "us-west-2", "bedrock")
            .sign(HttpRequest.postJson(request.uri(), request.headers(), "{\"max_tokens\":11}"));
    assertThat(otherBody.headers().first("Authorization"))
        .isNotEqualTo(signed.headers().first("Authorization"));
  }

  /** The signature in {@code signed}'s Authorization equals the reference's for its headers. */
  private static void assertSignedAsTheReferenceSigns(
      HttpRequest signed, String region, String service) {
    String authorization = signed.headers().first("Authorization").orElseThrow();
    var headers = new java.util.LinkedHashMap<String, String>();
    headers.put("host", signed.uri().getHost());
    signed
        .headers()
        .asMap()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Authorization")) headers.put(name, values.get(0));
            });
    String expected =
        ReferenceSigV4.signature(
            SECRET_KEY,
            signed.method(),
            signed.uri().getRawPath(),
            headers,
            signed.body(),
            signed.headers().first("X-Amz-Date").orElseThrow(),
            region,
            service);
    assertThat(authorization).endsWith("Signature=" + expected);
  }

  @Test
  void sessionCredentialsAddTheTokenAndNoSecretIsShown() {
    var session =
        StaticCredentialsProvider.create(
            AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, "SESSION-TOKEN-SECRET"));
    HttpRequest request =
        HttpRequest.postJson(
            URI.create("https://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke"),
            HttpHeaders.EMPTY,
            "{}");

    HttpRequest signed = signer(session, "us-east-1", "bedrock").sign(request);

    assertThat(signed.headers().first("X-Amz-Security-Token")).contains("SESSION-TOKEN-SECRET");
    assertThat(signed.headers().first("Authorization").orElseThrow())
        .contains("x-amz-security-token")
        .doesNotContain(SECRET_KEY);
    assertThat(signed.toString()).doesNotContain(SECRET_KEY).doesNotContain("SESSION-TOKEN-SECRET");
    assertThat(signed.headers().toString())
        .doesNotContain("SESSION-TOKEN-SECRET")
        .doesNotContain("Signature=");
  }

  @Test
  void missingCredentialsFailWithAnActionableMessageAndNoSecret() {
    IdentityProvider<AwsCredentialsIdentity> failing =
        new IdentityProvider<>() {
          @Override
          public Class<AwsCredentialsIdentity> identityType() {
            return AwsCredentialsIdentity.class;
          }

          @Override
          public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(
              ResolveIdentityRequest request) {
            return CompletableFuture.failedFuture(
                new IllegalStateException("profile had " + SECRET_KEY));
          }
        };
    HttpRequest request =
        HttpRequest.postJson(URI.create("https://example.amazonaws.com/"), HttpHeaders.EMPTY, "{}");

    assertThatThrownBy(() -> signer(failing, "us-east-1", "bedrock").sign(request))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("AWS_BEARER_TOKEN_BEDROCK")
        .hasMessageContaining("AWS_PROFILE")
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_KEY));
  }

  @Test
  void theCredentialProviderIsCreatedOnceOnFirstUse() {
    var created = new java.util.concurrent.atomic.AtomicInteger();
    var interceptor =
        new SigV4SigningInterceptor(
            () -> {
              created.incrementAndGet();
              return exampleCredentials();
            },
            "us-east-1",
            "bedrock",
            VECTOR_TIME);
    assertThat(created).hasValue(0);
    HttpRequest request =
        HttpRequest.postJson(URI.create("https://example.amazonaws.com/"), HttpHeaders.EMPTY, "{}");
    interceptor.sign(request);
    interceptor.sign(request);
    assertThat(created).hasValue(1);
    assertThat(interceptor.toString()).doesNotContain(SECRET_KEY);
  }
}
