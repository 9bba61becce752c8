package dev.reverie.repair;

import java.util.Optional;

/**
 * A user-supplied last chance to fix a model's structured output after Reverie's own parsing,
 * {@link JsonRepair} and schema validation have failed.
 *
 * <p>Called at most once per object, with the raw text exactly as the model wrote it. The returned
 * text goes through parsing and validation again; if it still fails, the call ends in a {@link
 * dev.reverie.error.NoObjectGeneratedException}. A hook may itself call a model (for example to ask
 * it to correct the JSON) and may be called from any thread.
 */
@FunctionalInterface
public interface RepairHook {
  /**
   * Returns corrected JSON text, or empty to give up.
   *
   * @param rawText the model's output, unmodified
   * @param error why it was rejected: a parse error or the schema violations
   */
  Optional<String> repair(String rawText, Exception error);
}
