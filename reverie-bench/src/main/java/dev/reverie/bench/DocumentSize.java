package dev.reverie.bench;

import java.util.Locale;

/** The document sizes the benchmarks are run at, named as on their command lines. */
public enum DocumentSize {
  /** 10 KiB. */
  SIZE_10K("10k", 10 * 1024),
  /** 100 KiB. */
  SIZE_100K("100k", 100 * 1024),
  /** 1 MiB. */
  SIZE_1M("1m", 1024 * 1024);

  private final String label;
  private final int targetChars;

  DocumentSize(String label, int targetChars) {
    this.label = label;
    this.targetChars = targetChars;
  }

  /** The size named {@code label} ({@code 10k}, {@code 100k}, {@code 1m}). */
  public static DocumentSize of(String label) {
    for (DocumentSize size : values()) {
      if (size.label.equals(label.toLowerCase(Locale.ROOT))) return size;
    }
    throw new IllegalArgumentException("unknown size '" + label + "': use 10k, 100k or 1m");
  }

  public String label() {
    return label;
  }

  /** The document's minimum length in characters; the generated text is a little longer. */
  public int targetChars() {
    return targetChars;
  }
}
