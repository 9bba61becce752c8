package dev.reverie.cassette.conformance;

import java.util.Arrays;

/** The assertions scenarios are written with; a failed one ends the scenario with its reason. */
final class Expect {
  private static final int SHOWN_TEXT = 120;

  private Expect() {}

  /** Fails with {@code reason} unless {@code condition} holds. */
  static void expect(boolean condition, String reason) {
    if (!condition) throw new ScenarioFailure(reason);
  }

  /** Fails unless {@code text} contains every one of {@code fragments}. */
  static void expectContainsAll(String what, String text, String... fragments) {
    for (String fragment : fragments) {
      expect(
          text.contains(fragment),
          "expected " + what + " to contain \"" + fragment + "\", got " + quote(text));
    }
  }

  /** Fails unless {@code text} contains at least one of {@code fragments}. */
  static void expectContainsAny(String what, String text, String... fragments) {
    expect(
        Arrays.stream(fragments).anyMatch(text::contains),
        "expected "
            + what
            + " to contain one of "
            + String.join(", ", fragments)
            + ", got "
            + quote(text));
  }

  /** Fails unless {@code text} has some non-whitespace. */
  static void expectNotBlank(String what, String text) {
    expect(!text.isBlank(), "expected " + what + " to be non-empty");
  }

  /** The text in quotes, shortened and on one line, for a failure reason. */
  static String quote(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    if (line.length() > SHOWN_TEXT) line = line.substring(0, SHOWN_TEXT) + "…";
    return "\"" + line + "\"";
  }
}
