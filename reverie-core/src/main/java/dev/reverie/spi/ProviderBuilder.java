package dev.reverie.spi;

import dev.reverie.RetryPolicy;
import dev.reverie.transport.Interceptor;
import dev.reverie.transport.JdkHttpTransport;
import dev.reverie.transport.Transport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings every HTTP provider's builder shares: API key, base URL, user agent, extra headers,
 * transport and retry policy. A provider's builder extends it with its own settings and reads these
 * when it builds. The API key never appears in {@code toString()}.
 *
 * @param <B> the provider's builder, returned by every setter
 */
public abstract class ProviderBuilder<B extends ProviderBuilder<B>> {
  private String apiKey;
  private String baseUrl;
  private String userAgent = "Reverie/0.1 (Java)";
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Transport transport;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();

  /**
   * @param apiKey the key to use unless one is set (typically from an environment variable), or
   *     null
   * @param baseUrl the provider's public base URL
   */
  protected ProviderBuilder(String apiKey, String baseUrl) {
    this.apiKey = apiKey;
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
  }

  /** This builder, as its own type. */
  protected abstract B self();

  /** The API key. */
  public B apiKey(String value) {
    apiKey = value;
    return self();
  }

  /** The base URL, e.g. for a compatible server or a proxy. */
  public B baseUrl(String value) {
    baseUrl = Objects.requireNonNull(value, "baseUrl");
    return self();
  }

  public B userAgent(String value) {
    userAgent = Objects.requireNonNull(value, "userAgent");
    return self();
  }

  /** A header sent with every request. */
  public B header(String name, String value) {
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return self();
  }

  /** Headers sent with every request. */
  public B headers(Map<String, String> values) {
    values.forEach(this::header);
    return self();
  }

  /**
   * How failed exchanges (408, 409, 429, 5xx, connection failures before a response) are retried;
   * {@link RetryPolicy#defaults()} unless set, {@link RetryPolicy#none()} turns retrying off.
   */
  public B retryPolicy(RetryPolicy value) {
    retryPolicy = Objects.requireNonNull(value, "retryPolicy");
    return self();
  }

  /** The transport; defaults to the JDK HTTP client. Retries wrap whichever transport is used. */
  public B transport(Transport value) {
    transport = value;
    return self();
  }

  /** Applies what {@code settings} set; what they leave unset keeps this builder's value. */
  public B settings(ProviderSettings settings) {
    settings.apiKey().ifPresent(this::apiKey);
    settings.baseUrl().ifPresent(this::baseUrl);
    settings.userAgent().ifPresent(this::userAgent);
    headers(settings.headers());
    settings.transport().ifPresent(this::transport);
    settings.retryPolicy().ifPresent(this::retryPolicy);
    return self();
  }

  /** The API key, or empty when none is set. */
  protected String apiKey() {
    return apiKey == null ? "" : apiKey;
  }

  /** The base URL without a trailing slash. */
  protected String baseUrl() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  protected String userAgent() {
    return userAgent;
  }

  /** The extra headers, in the order set. */
  protected Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /** The transport to send with: the one set (or the JDK client) with the retry policy applied. */
  protected Transport transportWithRetries() {
    return transportWithRetries(new Interceptor[0]);
  }

  /**
   * The transport to send with, {@code innermost} applied inside the retries, so that each attempt
   * passes through them (a request signer signs every attempt afresh).
   */
  protected Transport transportWithRetries(Interceptor... innermost) {
    Transport base = transport != null ? transport : JdkHttpTransport.create();
    if (innermost.length > 0) base = base.with(innermost);
    return retryPolicy.maxRetries() > 0 ? base.with(retryPolicy.interceptor()) : base;
  }

  @Override
  public String toString() {
    Class<?> owner = getClass().getEnclosingClass();
    return (owner != null ? owner.getSimpleName() + ".Builder" : getClass().getSimpleName())
        + "["
        + dev.reverie.transport.RedactedUri.render(baseUrl())
        + ", apiKey="
        + (apiKey().isEmpty() ? "unset" : "[redacted]")
        + "]";
  }
}
