package dev.reverie;

import dev.reverie.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A generated object that passed schema validation, with what the model spent on it.
 *
 * @param object the object bound to the requested type
 * @param tree the same object as a JSON tree
 * @param rawText the model's output as received (before any repair)
 * @param repaired whether the output had to be repaired to become valid JSON
 */
public record ObjectResult<T>(
    T object,
    JsonValue tree,
    String rawText,
    boolean repaired,
    Usage usage,
    FinishReason finishReason,
    List<CallWarning> warnings,
    ProviderData providerMetadata) {
  public ObjectResult {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(tree, "tree");
    rawText = rawText == null ? "" : rawText;
    usage = usage == null ? Usage.ZERO : usage;
    finishReason = finishReason == null ? FinishReason.UNKNOWN : finishReason;
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    providerMetadata = providerMetadata == null ? ProviderData.EMPTY : providerMetadata;
  }
}
