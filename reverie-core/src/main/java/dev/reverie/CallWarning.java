package dev.reverie;

/**
 * Something a provider could not honour in a call, reported instead of failing it.
 *
 * @param kind what kind of problem
 * @param subject the setting or tool concerned ({@code "temperature"}, {@code "web_search"}), or
 *     empty
 * @param message what happened, for people
 */
public record CallWarning(Kind kind, String subject, String message) {

  /** What a warning is about. */
  public enum Kind {
    UNSUPPORTED_SETTING,
    UNSUPPORTED_TOOL,
    OTHER
  }

  public CallWarning {
    subject = subject == null ? "" : subject;
    message = message == null ? "" : message;
  }

  public static CallWarning unsupportedSetting(String setting, String message) {
    return new CallWarning(Kind.UNSUPPORTED_SETTING, setting, message);
  }

  public static CallWarning unsupportedTool(String tool, String message) {
    return new CallWarning(Kind.UNSUPPORTED_TOOL, tool, message);
  }

  public static CallWarning other(String message) {
    return new CallWarning(Kind.OTHER, "", message);
  }
}
