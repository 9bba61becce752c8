package dev.reverie;

/**
 * Token counts of one model call, or the sum of several.
 *
 * <p>The same meaning for every provider: {@code inputTokens} are prompt tokens neither read from
 * nor written to the prompt cache (those are {@code cacheReadTokens} and {@code
 * cacheCreationTokens}); {@code totalTokens} = input + cache read + cache creation + output, i.e.
 * every token processed; {@code reasoningTokens} are the part of {@code outputTokens} spent on
 * reasoning. Counts a provider does not report are zero.
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
