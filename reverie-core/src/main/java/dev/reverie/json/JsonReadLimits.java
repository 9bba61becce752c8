package dev.reverie.json;

/**
 * The read limits an {@link IncrementalJsonParser} enforces, so hostile or runaway model output
 * ends in a {@link dev.reverie.error.JsonLimitException} rather than a stack overflow or an
 * out-of-memory error.
 *
 * @param maxDepth the deepest nesting of objects and arrays allowed (the root container is depth 1)
 * @param maxStringLength the longest string (value or member name) allowed, in UTF-16 chars
 * @param maxDocumentLength the most characters that may be fed in total, whitespace and ignored
 *     text around the value included
 * @param maxNumberLength the longest number allowed, in characters (as Jackson's default, 1000)
 */
public record JsonReadLimits(
    int maxDepth, int maxStringLength, long maxDocumentLength, int maxNumberLength) {

  /** Depth 1000, strings of 16M chars, documents of 64M chars, numbers of 1000 chars. */
  public static final JsonReadLimits DEFAULT =
      new JsonReadLimits(1000, 16 * 1024 * 1024, 64L * 1024 * 1024, 1000);

  public JsonReadLimits {
    if (maxDepth < 1)
      throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
    if (maxStringLength < 0) {
      throw new IllegalArgumentException(
          "maxStringLength must not be negative: " + maxStringLength);
    }
    if (maxDocumentLength < 1) {
      throw new IllegalArgumentException(
          "maxDocumentLength must be positive: " + maxDocumentLength);
    }
    if (maxNumberLength < 1) {
      throw new IllegalArgumentException("maxNumberLength must be positive: " + maxNumberLength);
    }
  }

  /** Limits with the default number length (1000 characters). */
  public JsonReadLimits(int maxDepth, int maxStringLength, long maxDocumentLength) {
    this(maxDepth, maxStringLength, maxDocumentLength, DEFAULT_MAX_NUMBER_LENGTH);
  }

  private static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;

  public JsonReadLimits withMaxDepth(int newMaxDepth) {
    return new JsonReadLimits(newMaxDepth, maxStringLength, maxDocumentLength, maxNumberLength);
  }

  public JsonReadLimits withMaxStringLength(int newMaxStringLength) {
    return new JsonReadLimits(maxDepth, newMaxStringLength, maxDocumentLength, maxNumberLength);
  }

  public JsonReadLimits withMaxDocumentLength(long newMaxDocumentLength) {
    return new JsonReadLimits(maxDepth, maxStringLength, newMaxDocumentLength, maxNumberLength);
  }

  public JsonReadLimits withMaxNumberLength(int newMaxNumberLength) {
    return new JsonReadLimits(maxDepth, maxStringLength, maxDocumentLength, newMaxNumberLength);
  }
}
