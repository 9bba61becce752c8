package dev.reverie.cassette.conformance;

/** Which provider API a cassette was recorded against, as told by its first request. */
public enum ProviderKind {
  OPENAI_CHAT("OpenAI chat"),
  OPENAI_RESPONSES("OpenAI Responses"),
  ANTHROPIC("Anthropic"),
  GEMINI("Gemini"),
  VERTEX_GEMINI("Vertex Gemini"),
  VERTEX_ANTHROPIC("Vertex Anthropic"),
  AZURE_CHAT("Azure chat"),
  AZURE_RESPONSES("Azure Responses"),
  BEDROCK("Bedrock"),
  OPENROUTER("OpenRouter"),
  VERCEL("Vercel gateway"),
  OPENAI_COMPATIBLE("OpenAI-compatible");

  private final String displayName;

  ProviderKind(String displayName) {
    this.displayName = displayName;
  }

  /** A human-readable name, e.g. {@code OpenAI chat}. */
  public String displayName() {
    return displayName;
  }
}
