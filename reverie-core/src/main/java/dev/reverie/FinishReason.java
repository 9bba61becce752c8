package dev.reverie;

/** Why the model stopped producing output. */
public enum FinishReason {
  /** The model finished its answer or hit a stop sequence. */
  STOP,
  /** The output-token limit was reached. */
  LENGTH,
  /** The provider's content filter stopped the output. */
  CONTENT_FILTER,
  /** The model stopped to have tools called. */
  TOOL_CALLS,
  /** The provider reported an error. */
  ERROR,
  /** A reason the provider gave that maps to none of the above. */
  OTHER,
  /** The provider gave no reason. */
  UNKNOWN
}
