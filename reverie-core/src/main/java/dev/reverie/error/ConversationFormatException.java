package dev.reverie.error;

import java.util.Objects;

/**
 * A stored conversation document could not be read: it is not JSON, it was written by a newer
 * Reverie in a format version this one does not know, it holds a part, output or tool type this
 * version does not know, or a member is missing or of the wrong kind. Nothing is dropped silently:
 * a document is read completely or not at all.
 */
public class ConversationFormatException extends ReverieException {

  /** What is wrong with the document. */
  public enum Problem {
    /** The text is not JSON, or a required member is missing or of the wrong kind. */
    MALFORMED,
    /** The document's {@code version} is newer than the one this Reverie reads. */
    NEWER_VERSION,
    /** A part, tool output or tool spec has a {@code type} this Reverie does not know. */
    UNKNOWN_TYPE,
    /**
     * The document holds another kind of value than the one asked for (a message, not a prompt).
     */
    WRONG_KIND
  }

  private final Problem problem;
  private final String path;

  public ConversationFormatException(Problem problem, String path, String message) {
    this(problem, path, message, null);
  }

  public ConversationFormatException(
      Problem problem, String path, String message, Throwable cause) {
    super(message + (path == null || path.isEmpty() ? "" : " (at " + path + ")"), cause);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.path = path == null ? "" : path;
  }

  /** What is wrong. */
  public Problem problem() {
    return problem;
  }

  /** Where in the document, as a JSON Pointer; empty for the whole document. */
  public String path() {
    return path;
  }
}
