package dev.reverie.provider.bedrock;

import dev.reverie.error.ReverieException;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Interceptor;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Signs every request with AWS Signature Version 4, using the SDK's own signer ({@code
 * AwsV4HttpSigner}) and credentials from an SDK credential provider, resolved per request (the
 * providers cache and refresh them). Applied inside the retries, so each attempt is signed afresh.
 *
 * <p>The signature, date and session-token headers are added to the request; {@code Host} is left
 * to the HTTP client, which sends the same value. Credentials never appear in messages: a failure
 * to find them becomes a {@link ReverieException} naming where they are looked for.
 */
final class SigV4SigningInterceptor implements Interceptor {
  private final Supplier<? extends IdentityProvider<? extends AwsCredentialsIdentity>> credentials;
  private final String region;
  private final String service;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /**
   * @param credentials where credentials come from, created on first use
   * @param region the signing region, e.g. {@code us-east-1}
   * @param service the signing name, {@code bedrock}
   * @param clock the signing time's source (fixed in tests)
   */
  SigV4SigningInterceptor(
      Supplier<? extends IdentityProvider<? extends AwsCredentialsIdentity>> credentials,
      String region,
      String service,
      Clock clock) {
    this.credentials = memoize(credentials);
    this.region = Objects.requireNonNull(region, "region");
    this.service = Objects.requireNonNull(service, "service");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public HttpResponse intercept(HttpRequest request, Chain chain) {
    return chain.proceed(sign(request));
  }

  /** {@code request} with the SigV4 headers added. */
  HttpRequest sign(HttpRequest request) {
    AwsCredentialsIdentity identity = resolveCredentials();
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .uri(request.uri());
    for (Map.Entry<String, List<String>> header : request.headers().asMap().entrySet()) {
      unsigned.putHeader(header.getKey(), header.getValue());
    }
    byte[] body = request.body();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(identity)
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    HttpHeaders headers = request.headers();
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      String name = header.getKey();
      if (name.toLowerCase(Locale.ROOT).equals("host")) continue;
      if (headers.all(name).equals(header.getValue())) continue;
      headers = headers.without(name);
      for (String value : header.getValue()) headers = headers.with(name, value);
    }
    return request.withHeaders(headers);
  }

  private AwsCredentialsIdentity resolveCredentials() {
    try {
      AwsCredentialsIdentity identity = credentials.get().resolveIdentity().join();
      if (identity == null) throw new IllegalStateException("the provider returned none");
      return identity;
    } catch (CompletionException | IllegalStateException e) {
      throw noCredentials(
          e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
    } catch (RuntimeException e) {
      throw noCredentials(e);
    }
  }

  private static ReverieException noCredentials(Throwable cause) {
    // Only the cause's type: SDK messages are free of secrets, but the rule is simpler kept whole.
    return new ReverieException(
        "bedrock: no AWS credentials ("
            + cause.getClass().getSimpleName()
            + "); set AWS_BEARER_TOKEN_BEDROCK for an API key, or configure the AWS credential"
            + " chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, container or"
            + " instance roles)");
  }

  private static <T> Supplier<T> memoize(Supplier<? extends T> supplier) {
    Objects.requireNonNull(supplier, "credentials");
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) value = supplier.get();
        return value;
      }
    };
  }

  @Override
  public String toString() {
    return "SigV4SigningInterceptor[" + service + " in " + region + "]";
  }
}
