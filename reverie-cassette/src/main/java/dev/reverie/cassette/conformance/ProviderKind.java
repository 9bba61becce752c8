package dev.reverie.cassette.conformance;

/** Which provider API a cassette was recorded against, as told by its first request. */
public enum ProviderKind {
  OPENAI_CHAT("OpenAI chat", "openai", true),
  OPENAI_RESPONSES("OpenAI Responses", "openai", false),
  ANTHROPIC("Anthropic", "anthropic", true),
  GEMINI("Gemini", "google", true),
  VERTEX_GEMINI("Vertex Gemini", "vertex", true),
  VERTEX_ANTHROPIC("Vertex Anthropic", "vertex", true),
  AZURE_CHAT("Azure chat", "azure", true),
  AZURE_RESPONSES("Azure Responses", "azure", false),
  BEDROCK("Bedrock", "bedrock", true),
  OPENROUTER("OpenRouter", "openrouter", true),
  VERCEL("Vercel gateway", "vercel", true),
  OPENAI_COMPATIBLE("OpenAI-compatible", "openai-compat", true);

  private final String displayName;
  private final String providerId;
  private final boolean defaultApi;

  ProviderKind(String displayName, String providerId, boolean defaultApi) {
    this.displayName = displayName;
    this.providerId = providerId;
    this.defaultApi = defaultApi;
  }

  /** The id of the Reverie provider that serves this API ({@link dev.reverie.Providers}). */
  public String providerId() {
    return providerId;
  }

  /**
   * Whether the API is what the provider's {@code languageModel(id)} speaks; the OpenAI and Azure
   * Responses APIs are not (yet) reachable that way, so their recordings are skipped.
   */
  public boolean isDefaultApi() {
    return defaultApi;
  }

  /** A human-readable name, e.g. {@code OpenAI chat}. */
  public String displayName() {
    return displayName;
  }
}
