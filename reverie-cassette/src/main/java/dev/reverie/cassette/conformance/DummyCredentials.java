package dev.reverie.cassette.conformance;

/** Credentials for replay: providers need some, the cassettes never see them. */
final class DummyCredentials {
  /** An API key no provider accepts; replay never reaches the network. */
  static final String API_KEY = "dummy-conformance-key";

  private DummyCredentials() {}
}
