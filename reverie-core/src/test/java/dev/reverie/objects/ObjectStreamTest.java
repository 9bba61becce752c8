package dev.reverie.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectEvent;
import dev.reverie.ObjectSchema;
import dev.reverie.ObjectStrategy;
import dev.reverie.Prompt;
import dev.reverie.error.NoObjectGeneratedException;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonChange;
import dev.reverie.json.JsonValue;
import dev.reverie.provider.openai.OpenAi;
import dev.reverie.testing.ScriptedTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The object stream's views (patches, elements, early violations), repair and strategies. */
class ObjectStreamTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String BOOK_SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"},"
          + "\"genres\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
          + "\"published_year\":{\"type\":\"integer\"}},\"required\":[\"title\",\"genres\",\"published_year\"]}";

  static String sse(List<String> deltas) {
    var sb = new StringBuilder();
    for (String d : deltas) {
      sb.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":")
          .append(quote(d))
          .append("},\"finish_reason\":null}]}\n\n");
    }
    sb.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    sb.append(
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}\n\n");
    return sb.append("data: [DONE]\n\n").toString();
  }

  static String toolSse(List<String> deltas) {
    var sb = new StringBuilder();
    sb.append(
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",")
        .append(
            "\"type\":\"function\",\"function\":{\"name\":\"Book\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n");
    for (String d : deltas) {
      sb.append(
              "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":")
          .append(quote(d))
          .append("}}]},\"finish_reason\":null}]}\n\n");
    }
    sb.append(
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n");
    return sb.append("data: [DONE]\n\n").toString();
  }

  static String quote(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static LanguageModel model(ScriptedTransport transport) {
    return OpenAi.builder().apiKey("k").transport(transport).build().languageModel("gpt-4o");
  }

  static ObjectCall<JsonValue> call() throws Exception {
    return ObjectCall.of(
        Call.of(Prompt.user("a book")),
        ObjectSchema.json(Json.value((ObjectNode) MAPPER.readTree(BOOK_SCHEMA))).named("Book"));
  }

  @Test
  void patchesDescribeEachChangeAsAJsonPointer() throws Exception {
    var deltas =
        List.of(
            "{\"title\":\"The ",
            "Lord\",\"genres\":[\"fantasy\",",
            "\"epic\"],\"published_year\":19",
            "54}");
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    var patches = new ArrayList<String>();
    try (var stream = model(transport).streamObject(call())) {
      for (JsonChange change : stream.patches()) patches.add(change.toPatchJson());
      assertThat(stream.result().tree().toJson())
          .isEqualTo(
              "{\"title\":\"The Lord\",\"genres\":[\"fantasy\",\"epic\"],\"published_year\":1954}");
    }
    assertThat(patches)
        .contains(
            "{\"op\":\"append\",\"path\":\"/title\",\"value\":\"Lord\"}",
            "{\"op\":\"add\",\"path\":\"/genres/1\",\"value\":\"epic\"}",
            "{\"op\":\"add\",\"path\":\"/published_year\",\"value\":1954}");
    assertThat(patches).noneMatch(p -> p.contains("\"value\":19}"));
  }

  @Test
  void elementsArriveOneByOneWhenComplete() throws Exception {
    var deltas =
        List.of(
            "{\"title\":\"T\",\"genres\":[\"fan",
            "tasy\",\"ep",
            "ic\"]",
            ",\"published_year\":1954}");
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    var elements = new ArrayList<String>();
    try (var stream = model(transport).streamObject(call())) {
      for (ObjectEvent.Element<JsonValue> e : stream.elements())
        elements.add(e.path() + "=" + e.value().toJson());
      stream.result();
    }
    assertThat(elements).containsExactly("/genres/0=\"fantasy\"", "/genres/1=\"epic\"");
  }

  @Test
  void scalarElementsAreCheckedOnCompletionOnlyWhereTheSchemaAsksMoreThanTheirKind()
      throws Exception {
    String schema =
        "{\"type\":\"object\",\"properties\":{"
            + "\"genres\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"codes\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"maxLength\":3}},"
            + "\"years\":{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"minimum\":1000}}}}";
    var deltas =
        List.of(
            "{\"genres\":[\"fantasy\",\"epic\"],\"codes\":[\"ab\",\"abcd\"],",
            "\"years\":[1954,99]}");
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    var call =
        ObjectCall.of(
            Call.of(Prompt.user("codes")),
            ObjectSchema.json(Json.value((ObjectNode) MAPPER.readTree(schema))).named("Codes"));
    var events = new ArrayList<String>();
    try (var stream = model(transport).streamObject(call)) {
      for (ObjectEvent<JsonValue> e : stream.events()) {
        if (e instanceof ObjectEvent.Element<JsonValue> el) events.add("element " + el.path());
        if (e instanceof ObjectEvent.Violation<JsonValue> v) {
          events.add("violation " + v.violation().path());
        }
      }
      assertThatThrownBy(stream::result).isInstanceOf(NoObjectGeneratedException.class);
    }
    // Kind-only elements are offered as they complete; the others are offered only when valid,
    // and a value the schema refuses is reported when it completes.
    assertThat(events)
        .containsExactly(
            "element /genres/0",
            "element /genres/1",
            "element /codes/0",
            "violation /codes/1",
            "element /years/0",
            "violation /years/1");
  }

  record Review(String reviewer, Integer stars) {}

  record Shelf(String name, List<Review> reviews, List<String> tags, Integer year) {}

  @Test
  void partialsAndTheEventsPartialsAreTheSameValues() throws Exception {
    String doc =
        "{\"name\":\"Main \\\"shelf\\\"\",\"reviews\":[{\"reviewer\":\"Ann\",\"stars\":5},"
            + "{\"reviewer\":\"Bob\",\"stars\":4}],\"tags\":[\"a\",\"bc\"],\"year\":1954}";
    var deltas = new ArrayList<String>();
    for (int i = 0; i < doc.length(); i += 3)
      deltas.add(doc.substring(i, Math.min(doc.length(), i + 3)));
    var call = ObjectCall.of(Call.of(Prompt.user("a shelf")), ObjectSchema.of(Shelf.class));
    // partials() binds from the parser's open containers, events() from snapshots.
    var fromPartials = new ArrayList<Shelf>();
    var partialsTransport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    try (var stream = model(partialsTransport).streamObject(call)) {
      for (Shelf shelf : stream.partials()) fromPartials.add(shelf);
      assertThat(stream.result().object()).isEqualTo(fromPartials.get(fromPartials.size() - 1));
    }
    var fromEvents = new ArrayList<Shelf>();
    var eventsTransport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    try (var stream = model(eventsTransport).streamObject(call)) {
      for (ObjectEvent<Shelf> e : stream.events()) {
        if (e instanceof ObjectEvent.Partial<Shelf> p && p.value() != null)
          fromEvents.add(p.value());
      }
    }
    assertThat(fromPartials).hasSizeGreaterThan(15).isEqualTo(fromEvents);
    assertThat(fromPartials.get(fromPartials.size() - 1))
        .isEqualTo(
            new Shelf(
                "Main \"shelf\"",
                List.of(new Review("Ann", 5), new Review("Bob", 4)),
                List.of("a", "bc"),
                1954));
  }

  @Test
  void aContradictionIsReportedAsSoonAsItIsSeen() throws Exception {
    var deltas =
        List.of("{\"published_year\":\"nine", "teen fifty-four\",\"title\":\"T\",\"genres\":[]}");
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    try (var stream = model(transport).streamObject(call())) {
      var it = stream.events().iterator();
      var seen = new ArrayList<ObjectEvent<JsonValue>>();
      while (it.hasNext()) {
        var e = it.next();
        seen.add(e);
        if (e instanceof ObjectEvent.Violation<JsonValue>) break;
      }
      // Reported during the first delta, before the rest of the string arrived.
      assertThat(seen.get(seen.size() - 1))
          .isInstanceOfSatisfying(
              ObjectEvent.Violation.class,
              v -> assertThat(v.violation().path()).isEqualTo("/published_year"));
      assertThat(stream.earlyViolations()).hasSize(1);
      assertThatThrownBy(stream::result).isInstanceOf(NoObjectGeneratedException.class);
    }
  }

  @Test
  void malformedOutputIsRepaired() throws Exception {
    var deltas =
        List.of("```json\n{'title': 'T', genres: ['a',], ", "\"published_year\": 1954,}\n```");
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    try (var stream = model(transport).streamObject(call())) {
      var result = stream.result();
      assertThat(result.repaired()).isTrue();
      assertThat(result.tree().toJson())
          .isEqualTo("{\"title\":\"T\",\"genres\":[\"a\"],\"published_year\":1954}");
    }
  }

  @Test
  void theUserRepairHookRunsLast() throws Exception {
    var deltas = List.of("no json at all");
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    var request =
        call()
            .withRepair(
                (raw, error) ->
                    Optional.of("{\"title\":\"" + raw + "\",\"genres\":[],\"published_year\":1}"));
    try (var stream = model(transport).streamObject(request)) {
      assertThat(stream.result().tree().toJson()).contains("no json at all");
    }
  }

  @Test
  void theForcedToolStrategyStreamsFromToolInput() throws Exception {
    var deltas = List.of("{\"title\":\"Du", "ne\",\"genres\":[],\"published_year\":1965}");
    var transport = new ScriptedTransport().respond(200, "text/event-stream", toolSse(deltas));
    var titles = new ArrayList<String>();
    try (var stream =
        model(transport).streamObject(call().withStrategy(ObjectStrategy.FORCED_TOOL))) {
      for (JsonValue partial : stream.partials()) {
        partial.at("/title").ifPresent(t -> titles.add(t.toJson()));
      }
      assertThat(stream.result().tree().toJson()).contains("1965");
    }
    assertThat(titles).contains("\"Du\"", "\"Dune\"");
    var body = MAPPER.readTree(transport.requests().get(0).body());
    assertThat(body.path("tool_choice").path("function").path("name").asText()).isEqualTo("Book");
    assertThat(body.has("response_format")).isFalse();
  }

  @Test
  void theSchemaInPromptStrategyAddsAnInstruction() throws Exception {
    var transport =
        new ScriptedTransport()
            .respond(
                200,
                "text/event-stream",
                sse(List.of("{\"title\":\"T\",\"genres\":[],\"published_year\":1}")));
    try (var stream =
        model(transport).streamObject(call().withStrategy(ObjectStrategy.SCHEMA_IN_PROMPT))) {
      stream.result();
    }
    var body = MAPPER.readTree(transport.requests().get(0).body());
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(0).path("content").asText())
        .contains("valid JSON")
        .contains("published_year");
  }

  @Test
  void anObjectStreamIsSingleUse() throws Exception {
    var transport =
        new ScriptedTransport()
            .respond(
                200,
                "text/event-stream",
                sse(List.of("{\"title\":\"T\",\"genres\":[],\"published_year\":1}")));
    try (var stream = model(transport).streamObject(call())) {
      stream.partials().iterator();
      assertThatThrownBy(() -> stream.events().iterator())
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void generateObjectValidatesAndFailsWithTheRawText() throws Exception {
    String ok =
        "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"title\\\":1}\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
    var transport = new ScriptedTransport().respond(200, "application/json", ok);
    assertThatThrownBy(() -> model(transport).generateObject(call()))
        .isInstanceOfSatisfying(
            NoObjectGeneratedException.class,
            e -> {
              assertThat(e.rawText()).isEqualTo("{\"title\":1}");
              assertThat(e.usage().totalTokens()).isEqualTo(2);
              assertThat(e.getMessage()).contains("/title");
            });
  }

  @Test
  void aNumberWithAHugeExponentIsATypedErrorForGenerateObject() throws Exception {
    String body =
        "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"n\\\": 1e99999999999}\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
    var transport = new ScriptedTransport().respond(200, "application/json", body);
    assertThatThrownBy(() -> model(transport).generateObject(call()))
        .isInstanceOfSatisfying(
            NoObjectGeneratedException.class,
            e -> assertThat(e.getMessage()).contains("exponent out of range"));
  }

  @Test
  void closingMidStreamIsAnErrorNotARepairedSuccess() throws Exception {
    var deltas = List.of("{\"title\":\"The Lo", "rd\",\"genres\":[],\"published_year\":1954}");
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse(deltas));
    try (var stream = model(transport).streamObject(call())) {
      var it = stream.partials().iterator();
      it.next();
      stream.close();
      assertThatThrownBy(() -> it.forEachRemaining(p -> {}))
          .isInstanceOf(dev.reverie.error.CancelledException.class);
      assertThatThrownBy(stream::result).isInstanceOf(dev.reverie.error.CancelledException.class);
    }
  }

  @Test
  void aStreamWithoutFinishIsIncompleteEvenIfTheJsonCloses() throws Exception {
    String body =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":"
            + quote("{\"title\":\"T\",\"genres\":[],\"published_year\":1}")
            + "},\"finish_reason\":null}]}\n\n";
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    try (var stream = model(transport).streamObject(call())) {
      assertThatThrownBy(stream::result)
          .isInstanceOf(dev.reverie.error.IncompleteStreamException.class);
    }
  }

  @Test
  void anOptionalPropertySentAsNullIsValid() throws Exception {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"nick\":{\"type\":\"string\"}},\"required\":[\"name\"]}";
    var transport =
        new ScriptedTransport()
            .respond(200, "text/event-stream", sse(List.of("{\"name\":\"Al\",\"nick\":null}")));
    var request =
        ObjectCall.of(
            Call.of(Prompt.user("a person")),
            ObjectSchema.json(Json.value((ObjectNode) MAPPER.readTree(schema))));
    try (var stream = model(transport).streamObject(request)) {
      assertThat(stream.result().tree().toJson()).isEqualTo("{\"name\":\"Al\",\"nick\":null}");
      assertThat(stream.earlyViolations()).isEmpty();
    }
    // Strict mode could not leave it out, so the wire schema made it required and nullable.
    var sent = MAPPER.readTree(transport.requests().get(0).body());
    var wire = sent.path("response_format").path("json_schema").path("schema");
    assertThat(wire.path("required").toString()).contains("nick");
    assertThat(wire.path("properties").path("nick").toString()).contains("null");
  }

  @Test
  void anOutputCutOffByTheTokenLimitIsNotRepairedIntoSuccess() throws Exception {
    String body =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":"
            + quote("{\"title\":\"The Lord of\",\"genres\":[],\"published_year\":1954")
            + "},\"finish_reason\":\"length\"}]}\n\ndata: [DONE]\n\n";
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    try (var stream = model(transport).streamObject(call())) {
      assertThatThrownBy(stream::result)
          .isInstanceOfSatisfying(
              NoObjectGeneratedException.class,
              e -> {
                assertThat(e.finishReason()).isEqualTo(dev.reverie.FinishReason.LENGTH);
                assertThat(e.getMessage()).contains("token limit");
              });
    }
  }

  @Test
  void aRefusalFailsWithTheRefusalText() throws Exception {
    String body =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"I can't help with that.\"},\"finish_reason\":null}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    try (var stream = model(transport).streamObject(call())) {
      assertThatThrownBy(stream::result)
          .isInstanceOfSatisfying(
              NoObjectGeneratedException.class,
              e -> {
                assertThat(e.rawText()).isEqualTo("I can't help with that.");
                assertThat(e.finishReason()).isEqualTo(dev.reverie.FinishReason.CONTENT_FILTER);
              });
    }
  }

  @Test
  void aBadSchemaOrUnsupportedStrategyCostsNoRequest() throws Exception {
    var transport = new ScriptedTransport();
    var badPattern =
        ObjectCall.of(
            Call.of(Prompt.user("x")),
            ObjectSchema.json(
                Json.value(
                    (ObjectNode)
                        MAPPER.readTree(
                            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"(\"}}}"))));
    assertThatThrownBy(() -> model(transport).streamObject(badPattern))
        .isInstanceOf(dev.reverie.schema.InvalidSchemaException.class);
    assertThatThrownBy(() -> model(transport).generateObject(badPattern))
        .isInstanceOf(dev.reverie.schema.InvalidSchemaException.class);
    assertThat(transport.requests()).isEmpty();
  }
}
