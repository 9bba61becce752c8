package dev.reverie.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectEvent;
import dev.reverie.ObjectSchema;
import dev.reverie.ObjectStream;
import dev.reverie.Prompt;
import dev.reverie.internal.json.Json;
import dev.reverie.provider.openai.OpenAi;
import dev.reverie.schema.SchemaViolation;
import dev.reverie.testing.ScriptedTransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which completed values an object stream reports as array elements, and which kinds it checks, in
 * nested arrays and objects (including members named like indices), delta by delta.
 */
class ObjectStreamNestingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{"
          + "\"a\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
          + "\"b\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}},"
          + "\"0\":{\"type\":\"string\"}}}},"
          + "\"c\":{\"type\":\"object\",\"additionalProperties\":"
          + "{\"type\":\"array\",\"items\":{\"type\":\"boolean\"}}}}}";
  private static final String DOCUMENT =
      "{\"a\":[{\"b\":[1,\"two\"],\"0\":\"x\"},{\"b\":[\"three\",4]},{\"0\":5},"
          + "{\"b\":[6,7],\"0\":\"y\"}],\"c\":{\"1\":[true,[false]],\"2\":[],\"3\":[false]}}";

  private static String sse(List<String> deltas) {
    var out = new StringBuilder();
    for (String delta : deltas) {
      try {
        out.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":")
            .append(MAPPER.writeValueAsString(delta))
            .append("},\"finish_reason\":null}]}\n\n");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    out.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    return out.append("data: [DONE]\n\n").toString();
  }

  private static ObjectStream<JsonValue> stream(int width) throws Exception {
    List<String> deltas = new ArrayList<>();
    for (int i = 0; i < DOCUMENT.length(); i += width) {
      deltas.add(DOCUMENT.substring(i, Math.min(DOCUMENT.length(), i + width)));
    }
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    var model = OpenAi.builder().apiKey("k").transport(transport).build().languageModel("gpt-4o");
    var call =
        ObjectCall.of(
            Call.of(Prompt.user("nested")),
            ObjectSchema.json(Json.value((ObjectNode) MAPPER.readTree(SCHEMA))).named("Nested"));
    return model.streamObject(call);
  }

  private static List<String> earlyViolations(String schema, String document) throws Exception {
    List<String> deltas = new ArrayList<>();
    for (int i = 0; i < document.length(); i += 3) {
      deltas.add(document.substring(i, Math.min(document.length(), i + 3)));
    }
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    var model = OpenAi.builder().apiKey("k").transport(transport).build().languageModel("gpt-4o");
    var call =
        ObjectCall.of(
            Call.of(Prompt.user("pair")),
            ObjectSchema.json(Json.value((ObjectNode) MAPPER.readTree(schema))).named("Pair"));
    // Each violation with the number of patches seen before it: reported as soon as the value
    // starts, it comes right after the patch that added the value, before its string grows.
    List<String> seen = new ArrayList<>();
    int patches = 0;
    try (var stream = model.streamObject(call)) {
      for (ObjectEvent<JsonValue> event : stream.events()) {
        if (event instanceof ObjectEvent.Patch<JsonValue>) patches++;
        if (event instanceof ObjectEvent.Violation<JsonValue> v) {
          seen.add(v.violation().path() + " after " + patches + " patches");
        }
      }
    }
    return seen;
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "{\"type\":\"object\",\"properties\":{\"pair\":{\"type\":\"array\","
            + "\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}}}",
        // The draft-4 form of the same tuple.
        "{\"type\":\"object\",\"properties\":{\"pair\":{\"type\":\"array\","
            + "\"items\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}}}",
      })
  void positionalItemsAreCheckedElementByElement(String schema) throws Exception {
    // The first element's kind must not be taken as accepted for the second.
    // Patches: the root, /pair, /pair/0 and /pair/1 added (the violation), then /pair/1 grows.
    assertThat(earlyViolations(schema, "{\"pair\":[\"a\",\"bbbbbbbbbb\"]}"))
        .first()
        .isEqualTo("/pair/1 after 4 patches");
    assertThat(earlyViolations(schema, "{\"pair\":[\"a\",2]}")).isEmpty();
  }

  private static List<String> events(int width) throws Exception {
    List<String> seen = new ArrayList<>();
    try (var stream = stream(width)) {
      for (ObjectEvent<JsonValue> event : stream.events()) {
        if (event instanceof ObjectEvent.Element<JsonValue> element) {
          seen.add(element.path() + "=" + element.value().toJson());
        } else if (event instanceof ObjectEvent.Violation<JsonValue> violation) {
          SchemaViolation v = violation.violation();
          seen.add("violation " + v.path());
        }
      }
    }
    return seen;
  }

  @Test
  void elementsAndViolationsFollowTheNesting() throws Exception {
    // The kind of each value as it appears, then each completed element against its schema (a
    // failing element is reported at its first failing part).
    List<String> expected =
        List.of(
            "/a/0/b/0=1",
            "violation /a/0/b/1",
            "violation /a/0/b/1",
            "violation /a/0/b/1",
            "violation /a/1/b/0",
            "violation /a/1/b/0",
            "/a/1/b/1=4",
            "violation /a/1/b/0",
            "violation /a/2/0",
            "violation /a/2/0",
            "/a/3/b/0=6",
            "/a/3/b/1=7",
            "/a/3={\"b\":[6,7],\"0\":\"y\"}",
            "/c/1/0=true",
            "violation /c/1/1",
            "violation /c/1/1",
            "violation /c/1/1",
            "violation /c/1/1",
            "/c/3/0=false");
    for (int width : new int[] {1, 3, 4, 7, DOCUMENT.length()}) {
      assertThat(events(width)).as("deltas of %d chars", width).isEqualTo(expected);
    }
  }

  @Test
  void partialsViewShowsWhatTheEventsViewShows() throws Exception {
    // partials() skips building the other events; it must still show every partial of events(),
    // in order, and record the same early violations.
    for (int width : new int[] {1, 3, 4, 7, DOCUMENT.length()}) {
      List<String> expectedPartials = new ArrayList<>();
      List<SchemaViolation> expectedViolations = new ArrayList<>();
      List<SchemaViolation> recorded;
      try (var stream = stream(width)) {
        for (ObjectEvent<JsonValue> event : stream.events()) {
          if (event instanceof ObjectEvent.Partial<JsonValue> partial) {
            expectedPartials.add(partial.value().toJson());
          } else if (event instanceof ObjectEvent.Violation<JsonValue> violation) {
            expectedViolations.add(violation.violation());
          }
        }
        recorded = stream.earlyViolations();
      }
      assertThat(recorded).isEqualTo(expectedViolations);
      List<String> partials = new ArrayList<>();
      try (var stream = stream(width)) {
        for (JsonValue partial : stream.partials()) partials.add(partial.toJson());
        assertThat(stream.earlyViolations())
            .as("violations, deltas of %d chars", width)
            .isEqualTo(expectedViolations);
        assertThat(stream.result().tree().toJson()).isEqualTo(DOCUMENT);
      } catch (dev.reverie.error.NoObjectGeneratedException e) {
        // The document breaks the schema: the result fails the same way after either view.
        assertThat(e.getMessage()).contains("does not match the schema");
      }
      assertThat(partials).as("partials, deltas of %d chars", width).isEqualTo(expectedPartials);
      assertThat(partials).isNotEmpty();
    }
  }
}
