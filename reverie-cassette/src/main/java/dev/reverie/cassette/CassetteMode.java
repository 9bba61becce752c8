package dev.reverie.cassette;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a {@link UseCassette} test replays its cassette or records it from the real network. Set
 * per test with {@link UseCassette#mode()}, or for a whole run with the system property or JUnit
 * configuration parameter {@value #PROPERTY} ({@code -Dreverie.cassette.mode=record_once}), which
 * wins over every annotation.
 */
public enum CassetteMode {
  /** Replays the cassette, which must exist; nothing reaches the network. The default. */
  REPLAY,
  /**
   * Sends every request to the real network through a {@link RecordingTransport} and, when the test
   * passes, writes the cassette, replacing any earlier one.
   */
  RECORD,
  /**
   * Replays the cassette when its file exists and records it otherwise: the reference recorder's
   * {@code ModeRecordOnce}, for adding recordings without touching the existing ones.
   */
  RECORD_ONCE;

  /** System property and configuration parameter that sets the mode of every cassette test. */
  public static final String PROPERTY = "reverie.cassette.mode";

  /**
   * The mode named {@code text}: {@code replay}, {@code record} or {@code record_once}, in any
   * case, with {@code -} accepted for {@code _}.
   *
   * @throws CassetteException when {@code text} names no mode
   */
  public static CassetteMode parse(String text) {
    Objects.requireNonNull(text, "text");
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (CassetteMode mode : values()) {
      if (mode.name().equals(name)) return mode;
    }
    throw new CassetteException(
        PROPERTY + " is \"" + text + "\"; expected replay, record or record_once");
  }
}
