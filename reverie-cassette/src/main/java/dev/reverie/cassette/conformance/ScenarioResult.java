package dev.reverie.cassette.conformance;

import java.util.Objects;

/**
 * The verdict on one cassette.
 *
 * @param path the cassette's path relative to the folder given to the runner, with {@code /}
 *     separators, e.g. {@code TestOpenAIObjectGeneration/openai-o4-mini/simple_object.yaml}
 * @param status the verdict
 * @param reason why it failed or was skipped; empty for a pass
 * @param requestsIdentical how many recorded requests Reverie sent JSON-equal
 * @param requestsTotal how many requests the cassette records (0 when skipped)
 * @param firstDifference how the first request that was not identical differs, or empty
 */
public record ScenarioResult(
    String path,
    Status status,
    String reason,
    int requestsIdentical,
    int requestsTotal,
    String firstDifference) {

  /** A cassette's verdict. */
  public enum Status {
    /** Every assertion of the scenario held. */
    PASS,
    /** An assertion failed, the replay diverged, or the run threw. */
    FAIL,
    /** The cassette's provider is not implemented yet. */
    SKIP
  }

  public ScenarioResult {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    reason = reason == null ? "" : oneLine(reason);
    firstDifference = firstDifference == null ? "" : oneLine(firstDifference);
    if (requestsIdentical < 0 || requestsTotal < 0 || requestsIdentical > requestsTotal) {
      throw new IllegalArgumentException(
          "requests identical " + requestsIdentical + " of " + requestsTotal);
    }
  }

  static ScenarioResult skip(String path, String reason) {
    return new ScenarioResult(path, Status.SKIP, reason, 0, 0, "");
  }

  /** Whether every recorded request was sent JSON-equal. */
  public boolean requestsAreIdentical() {
    return requestsIdentical == requestsTotal;
  }

  /**
   * The report line: {@code PASS <path> request=identical}, {@code PASS <path> request=different
   * (<first difference>)}, {@code FAIL <path> <reason>} or {@code SKIP <path> <reason>}.
   */
  public String line() {
    return switch (status) {
      case PASS ->
          "PASS "
              + path
              + (requestsAreIdentical()
                  ? " request=identical"
                  : " request=different (" + differenceOrCount() + ")");
      case FAIL -> "FAIL " + path + " " + reason;
      case SKIP -> "SKIP " + path + " " + reason;
    };
  }

  private String differenceOrCount() {
    return firstDifference.isEmpty()
        ? (requestsTotal - requestsIdentical) + " of " + requestsTotal + " requests differ"
        : firstDifference;
  }

  // A report has one line per cassette, so reasons must not break it.
  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
