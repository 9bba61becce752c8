package dev.reverie.cassette.conformance;

import dev.reverie.ProviderData;
import dev.reverie.provider.vercel.VercelGatewayOptions;

/** Vercel's AI Gateway: reasoning switched on, as its thinking suite asks. */
final class VercelAdapter implements ProviderAdapter {
  @Override
  public ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    if (!settings.reasoningEnabled()) return ProviderData.EMPTY;
    return VercelGatewayOptions.builder()
        .reasoning(VercelGatewayOptions.Reasoning.switchedOn())
        .build()
        .providerData();
  }
}
