package dev.reverie.spi;

import dev.reverie.RetryPolicy;
import dev.reverie.transport.Transport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every provider can be configured with when it is opened by name: API key, base URL, user
 * agent, extra headers, transport and retry policy. Unset values take the provider's defaults.
 * Immutable; the API key never appears in {@code toString()}.
 */
public final class ProviderSettings {
  private static final ProviderSettings DEFAULTS = new Builder().build();

  private final String apiKey;
  private final String baseUrl;
  private final String userAgent;
  private final Map<String, String> headers;
  private final Transport transport;
  private final RetryPolicy retryPolicy;

  private ProviderSettings(Builder b) {
    this.apiKey = b.apiKey;
    this.baseUrl = b.baseUrl;
    this.userAgent = b.userAgent;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.transport = b.transport;
    this.retryPolicy = b.retryPolicy;
  }

  /** Nothing set: every provider default applies. */
  public static ProviderSettings defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    var b = new Builder();
    b.apiKey = apiKey;
    b.baseUrl = baseUrl;
    b.userAgent = userAgent;
    b.headers.putAll(headers);
    b.transport = transport;
    b.retryPolicy = retryPolicy;
    return b;
  }

  /** The API key, if set. */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** The base URL, if set (e.g. a compatible server or a proxy). */
  public Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  public Optional<String> userAgent() {
    return Optional.ofNullable(userAgent);
  }

  /** Headers sent with every request, in the order set. */
  public Map<String, String> headers() {
    return headers;
  }

  public Optional<Transport> transport() {
    return Optional.ofNullable(transport);
  }

  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  @Override
  public String toString() {
    return "ProviderSettings[apiKey="
        + (apiKey == null ? "unset" : "[redacted]")
        + ", baseUrl="
        + (baseUrl == null ? "default" : baseUrl)
        + ", headers="
        + headers.keySet()
        + "]";
  }

  /** Builds {@link ProviderSettings}. */
  public static final class Builder {
    private String apiKey;
    private String baseUrl;
    private String userAgent;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Transport transport;
    private RetryPolicy retryPolicy;

    private Builder() {}

    public Builder apiKey(String value) {
      apiKey = Objects.requireNonNull(value, "apiKey");
      return this;
    }

    public Builder baseUrl(String value) {
      baseUrl = Objects.requireNonNull(value, "baseUrl");
      return this;
    }

    public Builder userAgent(String value) {
      userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder transport(Transport value) {
      transport = Objects.requireNonNull(value, "transport");
      return this;
    }

    public Builder retryPolicy(RetryPolicy value) {
      retryPolicy = Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    public ProviderSettings build() {
      return new ProviderSettings(this);
    }
  }
}
