package dev.reverie.cassette.conformance;

/** An assertion of a scenario did not hold; the message is the FAIL reason. */
final class ScenarioFailure extends RuntimeException {
  ScenarioFailure(String reason) {
    super(reason, null, false, false);
  }
}
