package dev.reverie.provider.bedrock;

import dev.reverie.LanguageModel;
import dev.reverie.codec.anthropic.AnthropicFormat;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.Transport;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Amazon Bedrock: Claude models through Bedrock's invoke API, in the Anthropic Messages format.
 *
 * <pre>{@code
 * var bedrock = Bedrock.builder().region("us-west-2").build();   // SigV4, the AWS credential chain
 * LanguageModel claude = bedrock.languageModel("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
 * }</pre>
 *
 * <p>Authentication: a Bedrock API key (the builder's {@code apiKey}, else {@code
 * AWS_BEARER_TOKEN_BEDROCK}) is sent as a bearer token; without one, requests are signed with SigV4
 * using the AWS SDK's default credential chain (or the credentials given). Model ids,
 * inference-profile ids and ARNs are all accepted and escaped into the path. Options and metadata
 * use the Anthropic format's key {@code anthropic} ({@link
 * dev.reverie.codec.anthropic.AnthropicOptions}), so a conversation moves between Anthropic and
 * Bedrock unchanged. Neither the key nor any credential appears in {@code toString()} or errors.
 * Immutable and thread-safe.
 */
public final class Bedrock implements Provider {
  /** The provider id: the prefix of {@code bedrock:model} names. */
  public static final String PROVIDER_ID = "bedrock";

  /** The options key of the Messages format Bedrock's Claude models speak ({@code anthropic}). */
  public static final String OPTIONS_KEY = AnthropicFormat.OPTIONS_KEY;

  /** The variable a Bedrock API key is read from. */
  public static final String API_KEY_VARIABLE = "AWS_BEARER_TOKEN_BEDROCK";

  /** The SigV4 signing name of the Bedrock runtime. */
  static final String SIGNING_NAME = "bedrock";

  private final String baseUrl;
  private final String region;
  private final boolean signed;
  private final HttpHeaders headers;
  private final Transport transport;

  private Bedrock(
      String baseUrl, String region, boolean signed, HttpHeaders headers, Transport transport) {
    this.baseUrl = baseUrl;
    this.region = region;
    this.signed = signed;
    this.headers = headers;
    this.transport = transport;
  }

  /** A builder; the API key defaults to {@code AWS_BEARER_TOKEN_BEDROCK}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return PROVIDER_ID;
  }

  /**
   * A Claude model on Bedrock: a model id ({@code anthropic.claude-haiku-4-5-20251001-v1:0}), a
   * cross-region inference profile ({@code us.anthropic.claude-…}) or an ARN.
   */
  @Override
  public LanguageModel languageModel(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    return LanguageModel.of(new BedrockInvokeModel(modelId, baseUrl, headers, transport));
  }

  /** The region requests go to and are signed for. */
  public String region() {
    return region;
  }

  @Override
  public String toString() {
    return "Bedrock[" + baseUrl + ", " + (signed ? "SigV4" : "API key") + "]";
  }

  /**
   * Configures {@link Bedrock}: an API key (bearer) or SigV4 credentials, the region, and the
   * settings every provider shares. The base URL defaults to the region's runtime endpoint; a base
   * URL of the form {@code https://bedrock-runtime.<region>.amazonaws.com} also names the region.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    private String region = "";
    private boolean baseUrlSet;
    private Supplier<? extends IdentityProvider<? extends AwsCredentialsIdentity>> credentials =
        () -> DefaultCredentialsProvider.builder().build();
    private Clock clock = Clock.systemUTC();

    private Builder() {
      super(System.getenv(API_KEY_VARIABLE), BedrockRegion.endpoint(BedrockRegion.DEFAULT_REGION));
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The AWS region, e.g. {@code us-west-2}; else from the base URL, AWS_REGION or profile. */
    public Builder region(String value) {
      region = Objects.requireNonNull(value, "region");
      return this;
    }

    @Override
    public Builder baseUrl(String value) {
      baseUrlSet = true;
      return super.baseUrl(value);
    }

    /**
     * The credentials to sign with when no API key is set, e.g. a {@code
     * ProfileCredentialsProvider}; the SDK's default chain unless set.
     */
    public Builder credentials(IdentityProvider<? extends AwsCredentialsIdentity> value) {
      Objects.requireNonNull(value, "credentials");
      credentials = () -> value;
      return this;
    }

    /** The clock signatures are dated by; the system clock unless set (tests fix it). */
    Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Bedrock build() {
      String resolvedRegion =
          BedrockRegion.resolve(
              region, baseUrlSet ? baseUrl() : "", BedrockRegion::fromAwsConfiguration);
      String url = baseUrlSet ? baseUrl() : BedrockRegion.endpoint(resolvedRegion);
      HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", userAgent());
      boolean signed = apiKey().isEmpty();
      if (!signed) h = h.with("Authorization", "Bearer " + apiKey());
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      Transport transport =
          signed
              ? transportWithRetries(
                  new SigV4SigningInterceptor(credentials, resolvedRegion, SIGNING_NAME, clock))
              : transportWithRetries();
      return new Bedrock(url, resolvedRegion, signed, h, transport);
    }
  }
}
