package dev.reverie.cassette.conformance;

import dev.reverie.LanguageModel;
import dev.reverie.ProviderData;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.transport.Transport;
import java.util.Optional;

/**
 * Configures one provider for a cassette, the way a user would: its public builder with dummy
 * credentials and the recorded base URL, its typed options for the suite's settings, its provider
 * tools. Register one per {@link ProviderKind} in {@link ProviderRegistry}.
 */
public interface ProviderFactory {

  /**
   * The recorded model, sending its requests through {@code transport}.
   *
   * @param endpoint where and which model the cassette was recorded against
   * @param transport the replaying transport; the model must use no other
   */
  LanguageModel languageModel(ProviderEndpoint endpoint, Transport transport);

  /**
   * The call options for the suite's settings (a thinking budget, a reasoning effort…), keyed by
   * the provider's id; empty when the suite sets nothing this provider understands.
   */
  default ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    return ProviderData.EMPTY;
  }

  /** The provider's server-side web search tool, if it has one. */
  default Optional<ProviderToolSpec> webSearchTool() {
    return Optional.empty();
  }

  /**
   * The computer-use tool for a 1920×1080 display, in the version {@code modelId} takes, if the
   * provider has one.
   */
  default Optional<ProviderToolSpec> computerUseTool(String modelId) {
    return Optional.empty();
  }
}
