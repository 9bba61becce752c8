package dev.reverie.codec.anthropic;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of Anthropic's computer-use tool, with the beta flag it requires; {@link
 * #forModel(String)} picks the one a model was trained with.
 */
public enum ComputerUseVersion {
  /** For Claude 4 models up to Opus 4.1, Sonnet 4.5 and Haiku 4.5, and for Sonnet 3.7. */
  COMPUTER_20250124("computer_20250124", "computer-use-2025-01-24"),
  /** For Claude Opus 4.5, and Opus, Sonnet and Haiku 4.6 and later; adds the zoom action. */
  COMPUTER_20251124("computer_20251124", "computer-use-2025-11-24");

  // claude-opus-4-5-20251101, claude-sonnet-4-20250514, claude-opus-4-6, claude-opus-4-5@20251101:
  // the optional minor version has one or two digits, so a date is never taken for one.
  private static final Pattern FAMILY_FIRST =
      Pattern.compile("claude-(opus|sonnet|haiku)-(\\d+)(?:-(\\d{1,2}))?(?!\\d)(?:[-@:].*)?");
  // The older naming: claude-3-7-sonnet-20250219, claude-3-5-haiku-latest.
  private static final Pattern VERSION_FIRST =
      Pattern.compile("claude-(\\d+)(?:-(\\d{1,2}))?-(opus|sonnet|haiku)(?:[-@:].*)?");

  private final String toolType;
  private final String betaFlag;

  ComputerUseVersion(String toolType, String betaFlag) {
    this.toolType = toolType;
    this.betaFlag = betaFlag;
  }

  /** The tool {@code type} on the wire, e.g. {@code computer_20250124}. */
  public String toolType() {
    return toolType;
  }

  /** The {@code anthropic-beta} flag, e.g. {@code computer-use-2025-01-24}. */
  public String betaFlag() {
    return betaFlag;
  }

  /**
   * The tool version Anthropic documents for a model: {@link #COMPUTER_20251124} for Claude Opus
   * 4.5 and every Claude model from 4.6 on; {@link #COMPUTER_20250124} for the other Claude 4
   * models (Opus 4 and 4.1, Sonnet 4 and 4.5, Haiku 4.5) and Sonnet 3.7.
   *
   * <p>Model ids are read as the Messages API, Bedrock and Vertex spell them, with or without a
   * date or a prefix: {@code claude-opus-4-6}, {@code claude-sonnet-4-20250514}, {@code
   * us.anthropic.claude-haiku-4-5-20251001-v1:0}, {@code claude-opus-4-5@20251101}, {@code
   * claude-3-7-sonnet-latest}.
   *
   * @return empty for a model that is not a Claude model able to use the computer tool (such as
   *     Haiku 3.5, or the retired Sonnet 3.5) or whose id is not recognized
   */
  public static Optional<ComputerUseVersion> forModel(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    String id = modelId.strip().toLowerCase(Locale.ROOT);
    int start = id.indexOf("claude-");
    if (start < 0) return Optional.empty();
    id = id.substring(start);

    String family;
    int major;
    int minor;
    Matcher familyFirst = FAMILY_FIRST.matcher(id);
    Matcher versionFirst = VERSION_FIRST.matcher(id);
    if (familyFirst.matches()) {
      family = familyFirst.group(1);
      major = Integer.parseInt(familyFirst.group(2));
      minor = familyFirst.group(3) == null ? 0 : Integer.parseInt(familyFirst.group(3));
    } else if (versionFirst.matches()) {
      family = versionFirst.group(3);
      major = Integer.parseInt(versionFirst.group(1));
      minor = versionFirst.group(2) == null ? 0 : Integer.parseInt(versionFirst.group(2));
    } else {
      return Optional.empty();
    }

    if (atLeast(major, minor, 4, 6) || (family.equals("opus") && atLeast(major, minor, 4, 5))) {
      return Optional.of(COMPUTER_20251124);
    }
    if (atLeast(major, minor, 3, 7)) return Optional.of(COMPUTER_20250124);
    return Optional.empty();
  }

  private static boolean atLeast(int major, int minor, int wantedMajor, int wantedMinor) {
    return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
  }
}
