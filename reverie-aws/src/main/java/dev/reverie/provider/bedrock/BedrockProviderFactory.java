package dev.reverie.provider.bedrock;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * Opens {@link Bedrock} by name ({@code bedrock:us.anthropic.claude-haiku-4-5-20251001-v1:0});
 * found by {@link java.util.ServiceLoader}. A key is optional: without {@code
 * AWS_BEARER_TOKEN_BEDROCK} requests are signed with the AWS credential chain.
 */
public final class BedrockProviderFactory implements ProviderFactory {
  @Override
  public String id() {
    return Bedrock.PROVIDER_ID;
  }

  @Override
  public String description() {
    return "Amazon Bedrock, Claude models (API key or AWS credentials)";
  }

  @Override
  public String apiKeyVariable() {
    return Bedrock.API_KEY_VARIABLE;
  }

  @Override
  public boolean requiresApiKey() {
    return false;
  }

  @Override
  public Provider create(ProviderSettings settings) {
    return Bedrock.builder().settings(settings).build();
  }
}
