package dev.reverie;

/**
 * Token counts of one model call, or the sum of several.
 *
 * <p>{@code inputTokens} excludes tokens read from the prompt cache, which are counted in {@code
 * cacheReadTokens}; {@code totalTokens} is what the provider reports as its total. Counts a
 * provider does not report are zero.
 */
public record Usage(
    long inputTokens,
    long outputTokens,
    long totalTokens,
    long reasoningTokens,
    long cacheCreationTokens,
    long cacheReadTokens) {

  /** No tokens. */
  public static final Usage ZERO = new Usage(0, 0, 0, 0, 0, 0);

  /** Input and output only; the total is their sum. */
  public static Usage of(long inputTokens, long outputTokens) {
    return new Usage(inputTokens, outputTokens, inputTokens + outputTokens, 0, 0, 0);
  }

  /** The field-wise sum of this and {@code other}. */
  public Usage plus(Usage other) {
    return new Usage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        totalTokens + other.totalTokens,
        reasoningTokens + other.reasoningTokens,
        cacheCreationTokens + other.cacheCreationTokens,
        cacheReadTokens + other.cacheReadTokens);
  }
}
