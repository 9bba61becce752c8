package dev.reverie.cassette.conformance;

/** Which provider API a cassette was recorded against, as told by its first request. */
public enum ProviderKind {
  OPENAI_CHAT("OpenAI chat", "openai", false),
  OPENAI_RESPONSES("OpenAI Responses", "openai", true),
  ANTHROPIC("Anthropic", "anthropic", false),
  GEMINI("Gemini", "google", false),
  VERTEX_GEMINI("Vertex Gemini", "vertex", false),
  VERTEX_ANTHROPIC("Vertex Anthropic", "vertex", false),
  AZURE_CHAT("Azure chat", "azure", false),
  AZURE_RESPONSES("Azure Responses", "azure", true),
  BEDROCK("Bedrock", "bedrock", false),
  OPENROUTER("OpenRouter", "openrouter", false),
  VERCEL("Vercel gateway", "vercel", false),
  OPENAI_COMPATIBLE("OpenAI-compatible", "openai-compat", false);

  private final String displayName;
  private final String providerId;
  private final boolean responsesApi;

  ProviderKind(String displayName, String providerId, boolean responsesApi) {
    this.displayName = displayName;
    this.providerId = providerId;
    this.responsesApi = responsesApi;
  }

  /** The id of the Reverie provider that serves this API ({@link dev.reverie.Providers}). */
  public String providerId() {
    return providerId;
  }

  /**
   * Whether the API is the Responses API, which a provider serves through {@code
   * ResponsesProvider.responses(id)} rather than its default {@code languageModel(id)}.
   */
  public boolean isResponsesApi() {
    return responsesApi;
  }

  /** A human-readable name, e.g. {@code OpenAI chat}. */
  public String displayName() {
    return displayName;
  }
}
