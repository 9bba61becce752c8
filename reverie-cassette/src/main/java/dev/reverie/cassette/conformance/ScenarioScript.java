package dev.reverie.cassette.conformance;

/**
 * The code of one scenario: drives the model of the context the way the recording was made and
 * asserts what REFERENCE.md §3.2 asserts, failing with a {@link ScenarioFailure}. Any other
 * exception fails the scenario too.
 */
@FunctionalInterface
interface ScenarioScript {
  void run(ScenarioContext context) throws Exception;
}
