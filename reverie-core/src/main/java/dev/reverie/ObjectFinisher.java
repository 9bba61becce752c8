package dev.reverie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.error.NoObjectGeneratedException;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.json.Json;
import dev.reverie.json.IncrementalJsonParser;
import dev.reverie.json.JsonReadLimits;
import dev.reverie.json.JsonValue;
import dev.reverie.repair.JsonRepair;
import dev.reverie.repair.RepairHook;
import dev.reverie.schema.SchemaValidator;
import dev.reverie.schema.SchemaViolation;
import dev.reverie.schema.ValidatedValues;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The end of object generation: validates the model's text against the schema, repairing it if it
 * is malformed (built-in JSON repair, then the user's hook), or fails with {@link
 * NoObjectGeneratedException}.
 */
final class ObjectFinisher {
  private ObjectFinisher() {}

  /** The outcome: the valid tree and whether repair was needed. */
  record Finished(JsonValue tree, boolean repaired) {}

  /**
   * The tree the incremental parser produced, its Jackson form, and what a stream already found
   * valid in it (null when nothing was checked before).
   */
  record Parsed(JsonValue tree, JsonNode node, ValidatedValues known) {
    static Parsed of(JsonValue tree) {
      return new Parsed(tree, tree.toJsonNode(), null);
    }
  }

  /**
   * @param parsed the tree the incremental parser produced, if it parsed the text completely
   */
  static Finished finish(
      String rawText,
      Optional<Parsed> parsed,
      SchemaValidator validator,
      RepairHook hook,
      Usage usage,
      FinishReason finishReason) {
    Exception lastError = null;
    if (parsed.isPresent()) {
      List<SchemaViolation> violations =
          validator.validate(parsed.get().node(), parsed.get().known());
      if (violations.isEmpty()) return new Finished(parsed.get().tree(), false);
      lastError =
          new ReverieException("the object does not match the schema: " + describe(violations));
    }
    Optional<String> repairedText;
    try {
      repairedText = JsonRepair.repair(rawText);
    } catch (RuntimeException e) {
      // e.g. nested beyond the read limits: repair is hopeless, report why.
      repairedText = Optional.empty();
      lastError = typed(e);
    }
    if (repairedText.isPresent()) {
      try {
        JsonValue tree = parseComplete(repairedText.get());
        List<SchemaViolation> violations = validator.validate(tree.toJsonNode());
        if (violations.isEmpty() && finishReason != FinishReason.LENGTH) {
          return new Finished(tree, true);
        }
        if (violations.isEmpty()) {
          // Closing a tail the token limit cut off would invent an object the model never wrote.
          throw new ReverieException(
              "the output was cut off at the output-token limit (finish reason length)");
        }
        lastError =
            new ReverieException(
                "the repaired object does not match the schema: " + describe(violations));
      } catch (RuntimeException e) {
        lastError = typed(e);
      }
    } else if (lastError == null) {
      lastError = new ReverieException("the output is not JSON and could not be repaired");
    }
    if (hook != null) {
      Optional<String> hooked;
      try {
        hooked = hook.repair(rawText, lastError);
      } catch (RuntimeException e) {
        hooked = Optional.empty();
        lastError = new ReverieException("the repair hook failed: " + e, e);
      }
      if (hooked.isPresent()) {
        try {
          JsonValue tree = parseComplete(hooked.get());
          List<SchemaViolation> violations = validator.validate(tree.toJsonNode());
          if (violations.isEmpty()) return new Finished(tree, true);
          lastError =
              new ReverieException(
                  "the object from the repair hook does not match the schema: "
                      + describe(violations));
        } catch (RuntimeException e) {
          lastError = typed(e);
        }
      }
    }
    throw new NoObjectGeneratedException(
        "no valid object was generated: " + lastError.getMessage(),
        rawText,
        usage,
        finishReason,
        lastError);
  }

  /**
   * {@code e} when it is already a Reverie error, else wrapped in one: no exception other than a
   * {@link ReverieException} leaves the finisher.
   */
  private static ReverieException typed(RuntimeException e) {
    return e instanceof ReverieException reverie
        ? reverie
        : new ReverieException("repairing the output failed: " + e, e);
  }

  static JsonValue parseComplete(String text) {
    var parser = new IncrementalJsonParser(JsonReadLimits.DEFAULT);
    parser.feed(text);
    parser.endOfInput();
    if (!parser.isComplete() || parser.snapshot().isEmpty()) {
      throw new ReverieException(
          "the text is not one complete JSON value: " + Json.abbreviate(text));
    }
    return parser.snapshot().get();
  }

  static String describe(List<SchemaViolation> violations) {
    return violations.stream()
        .limit(5)
        .map(v -> v.path() + ": " + v.message())
        .collect(Collectors.joining("; "));
  }

  static JsonNode node(JsonValue value) {
    return value.toJsonNode();
  }
}
