package dev.reverie.codec.anthropic;

/**
 * Constants of the Anthropic Messages format that every service speaking it shares (Anthropic
 * directly, Bedrock, and later Vertex).
 */
public final class AnthropicFormat {
  /**
   * The key of the format's provider options and metadata ({@code anthropic}): thinking signatures,
   * cache control and {@link AnthropicOptions} travel under it whichever service carries the
   * request, so a conversation can move between them.
   */
  public static final String OPTIONS_KEY = "anthropic";

  private AnthropicFormat() {}
}
