package dev.reverie.provider.anthropic;

/** A version of Anthropic's computer-use tool, with the beta flag it requires. */
public enum ComputerUseVersion {
  /** For Claude 4 and Sonnet 3.7 models. */
  COMPUTER_20250124("computer_20250124", "computer-use-2025-01-24"),
  /** For Claude Opus 4.5 and later; adds the zoom action. */
  COMPUTER_20251124("computer_20251124", "computer-use-2025-11-24");

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
}
