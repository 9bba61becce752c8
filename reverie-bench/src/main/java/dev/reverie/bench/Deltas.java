package dev.reverie.bench;

/** Splits a document into the fixed-width deltas a model's stream would carry. */
public final class Deltas {
  /** The delta width of every benchmark: about one token of JSON. */
  public static final int WIDTH = 4;

  private Deltas() {}

  /** {@code text} in pieces of {@code width} characters; the last may be shorter. */
  public static String[] split(String text, int width) {
    if (width <= 0) throw new IllegalArgumentException("width must be positive");
    String[] deltas = new String[(text.length() + width - 1) / width];
    for (int i = 0; i < deltas.length; i++) {
      int start = i * width;
      deltas[i] = text.substring(start, Math.min(text.length(), start + width));
    }
    return deltas;
  }
}
