package dev.reverie.provider.bedrock;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Where Bedrock's region comes from, in order: the builder, the host of a {@code
 * bedrock-runtime.<region>.amazonaws.com} base URL, the {@code aws.region} system property or
 * {@code AWS_REGION} (the SDK's system settings), the profile ({@code AWS_PROFILE}, {@code
 * ~/.aws/config}), and finally {@value #DEFAULT_REGION}, as the reference does for API keys.
 * Instance metadata is not asked: it can take seconds where there is none.
 */
final class BedrockRegion {
  /** The region used when nothing names one. */
  static final String DEFAULT_REGION = "us-east-1";

  private static final Pattern RUNTIME_HOST =
      Pattern.compile("bedrock-runtime(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

  private BedrockRegion() {}

  /**
   * @param configured the builder's region, or empty
   * @param baseUrl the base URL, or empty for the default
   * @param environment the SDK chain (system settings, then profile), or empty
   */
  static String resolve(String configured, String baseUrl, Supplier<Optional<String>> environment) {
    if (!configured.isBlank()) return configured.strip();
    Optional<String> fromHost = fromBaseUrl(baseUrl);
    if (fromHost.isPresent()) return fromHost.get();
    return environment.get().filter(region -> !region.isBlank()).orElse(DEFAULT_REGION);
  }

  /** The region named by a Bedrock runtime host, e.g. {@code us-west-2}. */
  static Optional<String> fromBaseUrl(String baseUrl) {
    if (baseUrl.isBlank()) return Optional.empty();
    String host;
    try {
      host = URI.create(baseUrl).getHost();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (host == null) return Optional.empty();
    Matcher matcher = RUNTIME_HOST.matcher(host.toLowerCase(Locale.ROOT));
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The SDK's system settings and profile region providers; empty when neither has one. */
  static Optional<String> fromAwsConfiguration() {
    try {
      return Optional.of(
          new AwsRegionProviderChain(
                  new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
              .getRegion()
              .id());
    } catch (RuntimeException none) {
      return Optional.empty();
    }
  }

  /** The runtime endpoint of a region. */
  static String endpoint(String region) {
    return "https://bedrock-runtime." + region + ".amazonaws.com";
  }
}
