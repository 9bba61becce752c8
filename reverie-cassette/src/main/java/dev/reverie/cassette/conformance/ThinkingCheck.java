package dev.reverie.cassette.conformance;

/**
 * What a thinking scenario asserts about the reasoning, beyond the answer itself; each suite checks
 * what its provider returns (REFERENCE.md §3.2, suite-specific thinking checks).
 */
public enum ThinkingCheck {
  /** At least one reasoning part in the steps' messages. */
  REASONING_PARTS,
  /** Reasoning parts, every one with text carrying an Anthropic signature. */
  ANTHROPIC_SIGNATURES,
  /** Reasoning parts, every one carrying OpenAI Responses encrypted content. */
  ENCRYPTED_REASONING,
  /** The final response reports reasoning tokens. */
  REASONING_TOKENS
}
