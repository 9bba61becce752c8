package dev.reverie.cassette;

import dev.reverie.error.ReverieException;

/**
 * A cassette could not be read or written: the file is missing or unreadable, is not YAML, has a
 * format version other than 2, or lacks a required field. The message names the cassette and the
 * field. Not retryable.
 */
public class CassetteException extends ReverieException {
  public CassetteException(String message) {
    super(message);
  }

  public CassetteException(String message, Throwable cause) {
    super(message, cause);
  }
}
