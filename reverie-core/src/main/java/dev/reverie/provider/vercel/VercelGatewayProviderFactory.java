package dev.reverie.provider.vercel;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * Opens {@link VercelGateway} by name ({@code vercel:anthropic/claude-sonnet-4}); found by {@link
 * java.util.ServiceLoader}.
 */
public final class VercelGatewayProviderFactory implements ProviderFactory {
  @Override
  public String id() {
    return VercelGateway.PROVIDER_ID;
  }

  @Override
  public String description() {
    return "Vercel AI Gateway (ai-gateway.vercel.sh)";
  }

  @Override
  public String apiKeyVariable() {
    return "AI_GATEWAY_API_KEY";
  }

  @Override
  public Provider create(ProviderSettings settings) {
    return VercelGateway.builder().settings(settings).build();
  }
}
