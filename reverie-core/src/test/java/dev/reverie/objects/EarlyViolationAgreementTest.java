package dev.reverie.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectSchema;
import dev.reverie.Prompt;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonValue;
import dev.reverie.schema.SchemaValidator;
import dev.reverie.schema.SchemaViolation;
import dev.reverie.testing.ScriptedTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property: over the JSON Schema Test Suite's schemas and documents, streamed to {@code
 * streamObject} in small pieces, every early violation is also a final one (the document is invalid
 * by {@link SchemaValidator#validate}): a streaming check never reports what the whole value would
 * not.
 */
class EarlyViolationAgreementTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyEarlyViolationIsAFinalViolation() throws Exception {
    Path root =
        Path.of(getClass().getResource("/json-schema-test-suite/tests/draft2020-12").toURI());
    List<Path> files;
    try (Stream<Path> list = Files.list(root)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<String> disagreements = new ArrayList<>();
    int streamed = 0;
    int withEarlyViolations = 0;
    for (Path file : files) {
      for (JsonNode group : MAPPER.readTree(file.toFile())) {
        if (!group.get("schema").isObject()) continue;
        SchemaValidator validator;
        ObjectSchema<JsonValue> schema;
        try {
          validator = SchemaValidator.of(group.get("schema"));
          schema = ObjectSchema.json(Json.value((ObjectNode) group.get("schema")));
        } catch (ReverieException e) {
          continue; // refused when compiled: nothing streams against it
        }
        for (JsonNode test : group.get("tests")) {
          String text = MAPPER.writeValueAsString(test.get("data"));
          for (int size : new int[] {1, 4}) {
            List<SchemaViolation> early;
            try {
              early = earlyViolations(schema, text, size);
            } catch (dev.reverie.schema.InvalidSchemaException e) {
              continue; // the wire adaptation (OpenAI strict mode) cannot send this schema
            }
            streamed++;
            if (early.isEmpty()) continue;
            withEarlyViolations++;
            if (validator.validate(test.get("data")).isEmpty()) {
              disagreements.add(
                  file.getFileName()
                      + " | "
                      + group.get("description").asText()
                      + " | "
                      + text
                      + " | early "
                      + early);
            }
          }
        }
      }
    }
    System.out.println(
        "early violations: "
            + streamed
            + " streams, "
            + withEarlyViolations
            + " with early violations, "
            + disagreements.size()
            + " false");
    assertThat(streamed).isGreaterThan(1000);
    assertThat(disagreements).isEmpty();
  }

  private static List<SchemaViolation> earlyViolations(
      ObjectSchema<JsonValue> schema, String text, int pieceSize) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < text.length(); i += pieceSize) {
      pieces.add(text.substring(i, Math.min(text.length(), i + pieceSize)));
    }
    var transport =
        new ScriptedTransport().respond(200, "text/event-stream", ObjectStreamTest.sse(pieces));
    var call = ObjectCall.of(Call.of(Prompt.user("suite")), schema);
    try (var stream = ObjectStreamTest.model(transport).streamObject(call)) {
      for (var ignored : stream.events()) {
        // drain
      }
      try {
        stream.result();
      } catch (ReverieException e) {
        // an invalid document ends without a result; only the early violations matter here
      }
      return stream.earlyViolations();
    }
  }
}
