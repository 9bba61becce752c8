package dev.reverie.agent;

import dev.reverie.FinishReason;
import dev.reverie.Usage;
import dev.reverie.error.NoObjectGeneratedException;
import java.util.List;

/**
 * An agent asked for a typed object ended without a valid one: the model kept calling tools until
 * the run stopped, answered in prose, or wrote an object that no repair could make valid. Carries
 * every step of the run and the usage of the whole run, object step included.
 */
public class NoObjectFromAgentException extends NoObjectGeneratedException {
  private final transient List<Step> steps;
  private final Usage totalUsage;

  public NoObjectFromAgentException(
      String message,
      String rawText,
      FinishReason finishReason,
      List<Step> steps,
      Usage totalUsage,
      Throwable cause) {
    super(message, rawText, totalUsage, finishReason, cause);
    this.steps = List.copyOf(steps);
    this.totalUsage = totalUsage == null ? Usage.ZERO : totalUsage;
  }

  /** The steps of the tool loop, in order. */
  public List<Step> steps() {
    return steps;
  }

  /** The usage of the whole run: every step, and the object step if one was made. */
  public Usage totalUsage() {
    return totalUsage;
  }
}
