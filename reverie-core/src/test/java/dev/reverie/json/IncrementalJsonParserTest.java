package dev.reverie.json;

import static dev.reverie.json.ChunkedFeeding.chunks;
import static dev.reverie.json.ChunkedFeeding.feed;
import static dev.reverie.json.ChunkedFeeding.randomChunks;
import static dev.reverie.json.ChunkedFeeding.splitAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.error.JsonLimitException;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IncrementalJsonParserTest {

  static Stream<String> documents() {
    StringBuilder wide = new StringBuilder("{");
    for (int i = 0; i < 20; i++)
      wide.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":").append(i);
    wide.append(",\"m3\":\"again\"}");
    return Stream.of(
        "{}",
        "[]",
        "[[]]",
        "{\"a\":{}}",
        "0",
        "-0",
        "1954",
        "-12.5e+3",
        "1E2",
        "0.001",
        "123456789012345678901234567890",
        "true",
        "false",
        "null",
        "\"\"",
        "\"hello\"",
        "{\"title\":\"The Lord of the Rings\",\"author\":{\"name\":\"J.R.R. Tolkien\","
            + "\"nationality\":\"British\"},\"genres\":[\"fantasy\",\"adventure\"],"
            + "\"published_year\":1954}",
        "[1,2,3,[4,[5,[6]]],{\"x\":[true,false,null]},-1.5E-3,0,10]",
        " \n\t{ \"a\" : [ 1 , 2.5 , -3e-2 ] , \"b\" : { } , \"c\" : [ ] , \"d\" : null }  \r\n",
        "{\"esc\":\"line\\nbreak \\\"quoted\\\" back\\\\slash \\/ \\b\\f\\r\\t caf\\u00e9 "
            + "\\ud83d\\ude00 \\u20AC end\",\"\\u006bey\":\"\\\\\"}",
        "{\"unicode\":\"日本語テキスト 😀 ñ\",\"emoji key 🎉\":\"v😀\"}",
        "{\"a/b\":1,\"c~d\":[\"x\"],\"\":\"empty name\",\"~1\":{\"/\":[]}}",
        "{\"dup\":1,\"dup\":{\"x\":2}}",
        wide.toString(),
        "[\"\",\"\",[\"\"],{\"\":\"\"}]",
        "[1e5,1E-5,0.5e+10,-0.0,123.456e-789]");
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everySplitOffsetGivesJacksonsTree(String document) throws Exception {
    JsonNode expected = Json.MAPPER.readTree(document);
    for (int offset = 0; offset <= document.length(); offset++) {
      var outcome = feed(document, splitAt(document, offset));
      assertThat(outcome.complete()).as("complete, split at %d", offset).isTrue();
      assertThat(outcome.last().toJsonNode()).as("split at %d", offset).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("documents")
  void oneCharacterAtATimeAndRandomPieces(String document) throws Exception {
    JsonNode expected = Json.MAPPER.readTree(document);
    assertThat(feed(document, chunks(document, 1)).last().toJsonNode()).isEqualTo(expected);
    for (long seed = 0; seed < 20; seed++) {
      var outcome = feed(document, randomChunks(document, seed, 7));
      assertThat(outcome.last().toJsonNode()).as("seed %d", seed).isEqualTo(expected);
    }
    assertThat(feed(document, List.of(document)).last().toJsonNode()).isEqualTo(expected);
  }

  @Test
  void withoutAppendedChangesEverySnapshotAndOtherChangeIsTheSame() {
    String text =
        "{\"title\":\"The Lord of the Rings \\u00e9\\\"x\\\" \ud83d\ude00\",\"year\":1954,"
            + "\"tags\":[\"a\",\"bb\",\"\"],\"n\":null,\"ok\":true}";
    for (int width = 1; width <= 7; width++) {
      var full = new IncrementalJsonParser();
      var quiet = new IncrementalJsonParser();
      quiet.omitAppendedChanges();
      for (int at = 0; at < text.length(); at += width) {
        String piece = text.substring(at, Math.min(text.length(), at + width));
        List<JsonChange> all = full.feed(piece);
        List<JsonChange> some = quiet.feed(piece);
        List<JsonChange> notAppended =
            all.stream().filter(c -> !(c instanceof JsonChange.Appended)).toList();
        assertThat(some).as("width %d at %d", width, at).isEqualTo(notAppended);
        assertThat(quiet.grewSilently())
            .as("width %d at %d", width, at)
            .isEqualTo(all.stream().anyMatch(c -> c instanceof JsonChange.Appended));
        assertThat(quiet.snapshot().map(JsonValue::toJson))
            .isEqualTo(full.snapshot().map(JsonValue::toJson));
      }
      assertThat(quiet.endOfInput()).isEqualTo(full.endOfInput());
      assertThat(quiet.grewSilently()).isFalse();
    }
  }

  @Test
  void escapesSplitAtEveryPairOfOffsets() throws Exception {
    String document = "[\"a\\n\\\"\\\\\\u00e9\\ud83d\\ude00z\",\"\\u00E9\"]";
    JsonNode expected = Json.MAPPER.readTree(document);
    for (int first = 0; first <= document.length(); first++) {
      for (int second = first; second <= document.length(); second++) {
        var outcome = feed(document, splitAt(document, first, second));
        assertThat(outcome.last().toJsonNode()).isEqualTo(expected);
      }
    }
    assertThat(JsonValue.parse(document).toJson()).isEqualTo("[\"a\\n\\\"\\\\é😀z\",\"é\"]");
  }

  @Test
  void partialStringsNeverShowHalfASurrogatePair() {
    String document = "[\"x\\ud83d\\ude00y😀z\"]";
    var outcome = feed(document, chunks(document, 1));
    for (JsonValue state : outcome.states()) {
      if (state instanceof JsonArray array && array.size() == 1) {
        String text = ((JsonString) array.get(0)).value();
        assertThat(text.isEmpty() || !Character.isHighSurrogate(text.charAt(text.length() - 1)))
            .as(text)
            .isTrue();
      }
    }
    assertThat(outcome.last().toJson()).isEqualTo("[\"x😀y😀z\"]");
  }

  @Test
  void numbersAndLiteralsAppearOnlyWhenComplete() {
    String document = "{\"year\":1954,\"ok\":true,\"none\":null,\"ratio\":-0.125e2}";
    var outcome = feed(document, chunks(document, 1));
    for (JsonValue state : outcome.states()) {
      JsonObject object = (JsonObject) state;
      object.get("year").ifPresent(v -> assertThat(((JsonNumber) v).longValue()).isEqualTo(1954));
      object.get("ok").ifPresent(v -> assertThat(v).isEqualTo(JsonBoolean.TRUE));
      object.get("none").ifPresent(v -> assertThat(v).isSameAs(JsonNull.INSTANCE));
      object.get("ratio").ifPresent(v -> assertThat(((JsonNumber) v).text()).isEqualTo("-0.125e2"));
    }
  }

  @Test
  void aRootNumberCompletesAtEndOfInput() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    assertThat(parser.feed("195")).isEmpty();
    assertThat(parser.feed("4")).isEmpty();
    assertThat(parser.snapshot()).isEmpty();
    assertThat(parser.isComplete()).isFalse();
    List<JsonChange> changes = parser.endOfInput();
    assertThat(changes)
        .containsExactly(
            new JsonChange.Added("", JsonNumber.of(1954)),
            new JsonChange.Completed("", JsonNumber.of(1954)));
    assertThat(parser.isComplete()).isTrue();
    assertThat(parser.snapshot()).contains(JsonNumber.of(1954));
  }

  @Test
  void aMemberAppearsOnlyOnceItsValueStarts() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed("{\"name\"");
    assertThat(parser.snapshot().orElseThrow().toJson()).isEqualTo("{}");
    parser.feed(" : ");
    assertThat(parser.snapshot().orElseThrow().toJson()).isEqualTo("{}");
    List<JsonChange> changes = parser.feed("\"");
    assertThat(changes).containsExactly(new JsonChange.Added("/name", JsonString.partial("")));
    assertThat(parser.snapshot().orElseThrow().toJson()).isEqualTo("{\"name\":\"\"}");
  }

  @Test
  void changesCarryPointersAndRenderAsPatches() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    List<JsonChange> changes = new ArrayList<>();
    changes.addAll(parser.feed("{\"title\":\"The "));
    changes.addAll(parser.feed("Lord\",\"a/b~\":[1"));
    changes.addAll(parser.feed("]}"));
    assertThat(changes.stream().map(JsonChange::toPatchJson))
        .containsExactly(
            "{\"op\":\"add\",\"path\":\"\",\"value\":{}}",
            "{\"op\":\"add\",\"path\":\"/title\",\"value\":\"The \"}",
            "{\"op\":\"append\",\"path\":\"/title\",\"value\":\"Lord\"}",
            "{\"op\":\"complete\",\"path\":\"/title\"}",
            "{\"op\":\"add\",\"path\":\"/a~1b~0\",\"value\":[]}",
            "{\"op\":\"add\",\"path\":\"/a~1b~0/0\",\"value\":1}",
            "{\"op\":\"complete\",\"path\":\"/a~1b~0/0\"}",
            "{\"op\":\"complete\",\"path\":\"/a~1b~0\"}",
            "{\"op\":\"complete\",\"path\":\"\"}");
    assertThat(parser.snapshot().orElseThrow().at("/a~1b~0/0")).contains(JsonNumber.of(1));
  }

  @Test
  void codeFencesAndTrailingTextAreSkipped() {
    for (String document :
        List.of(
            "```json\n{\"a\":[1,\"x\"]}\n```",
            "  ```\n{\"a\":[1,\"x\"]}\n```\nHope this helps!",
            "```JSON {\"a\":[1,\"x\"]}```",
            "\uFEFF\n\n{\"a\":[1,\"x\"]} trailing } garbage ]]",
            "````json\r\n{\"a\":[1,\"x\"]}````")) {
      for (int offset = 0; offset <= document.length(); offset++) {
        var outcome = feed(document, splitAt(document, offset));
        assertThat(outcome.complete()).as(document).isTrue();
        assertThat(outcome.last().toJson()).as(document).isEqualTo("{\"a\":[1,\"x\"]}");
      }
    }
    assertThat(feed("```json\n[1,2]", List.of("```json\n[1,2]")).last().toJson())
        .isEqualTo("[1,2]");
  }

  @Test
  void anUnfinishedTailIsNotAnError() {
    for (String tail :
        List.of(
            "{\"a\":\"op",
            "{\"a\":[1,{\"b\":tr",
            "[\"\\u00",
            "{\"a\"",
            "{\"a\":",
            "[1.",
            "[-",
            "[1e")) {
      IncrementalJsonParser parser = new IncrementalJsonParser();
      parser.feed(tail);
      parser.endOfInput();
      assertThat(parser.isComplete()).as(tail).isFalse();
      assertThat(parser.snapshot()).as(tail).isPresent();
    }
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed("{\"a\":[1,{\"b\":\"x");
    assertThat(parser.snapshot().orElseThrow().toJson()).isEqualTo("{\"a\":[1,{\"b\":\"x\"}]}");
    parser.feed("y\",\"c\":12");
    parser.endOfInput();
    assertThat(parser.snapshot().orElseThrow().toJson())
        .isEqualTo("{\"a\":[1,{\"b\":\"xy\",\"c\":12}]}");
    assertThat(parser.snapshot().orElseThrow().complete()).isFalse();
  }

  @Test
  void syntaxErrorsAreTypedAndNameTheOffset() {
    assertSyntaxError("{\"a\" 1}", 5);
    assertSyntaxError("[1,,2]", 3);
    assertSyntaxError("[01]", 2);
    assertSyntaxError("{\"a\":1,}", 7);
    assertSyntaxError("[1 2]", 3);
    assertSyntaxError("[1}", 2);
    assertSyntaxError("{\"a\":]", 5);
    assertSyntaxError("[tru e]", 4);
    assertSyntaxError("[\"\\x\"]", 3);
    assertSyntaxError("[\"\\u12g4\"]", 6);
    assertSyntaxError("[\"a\nb\"]", 3);
    assertSyntaxError("[1.x]", 3);
    assertSyntaxError("[-]", 2);
    assertSyntaxError("{'a':1}", 1);
    assertSyntaxError("Sure! {\"a\":1}", 0);
    assertSyntaxError("nope", 1);
    assertSyntaxError("``{}", 2);
    assertSyntaxError("```json!{}", 7);
    assertSyntaxError("[1,]", 3);
    assertSyntaxError("{\"a\":1 \"b\":2}", 7);
  }

  private static void assertSyntaxError(String document, long errorOffset) {
    for (int offset = 0; offset <= document.length(); offset++) {
      int split = offset;
      IncrementalJsonParser parser = new IncrementalJsonParser();
      assertThatThrownBy(
              () -> {
                for (String piece : splitAt(document, split)) parser.feed(piece);
                parser.endOfInput();
              })
          .as(document + " split at " + split)
          .isInstanceOf(JsonSyntaxException.class)
          .isInstanceOf(ReverieException.class)
          .hasMessageContaining("offset " + errorOffset)
          .satisfies(e -> assertThat(((JsonSyntaxException) e).offset()).isEqualTo(errorOffset));
    }
  }

  @Test
  void aFailedParserStaysFailedButKeepsItsSnapshot() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed("{\"a\":\"x\",\"b\":[1");
    JsonSyntaxException first = null;
    try {
      parser.feed(",,2]}");
    } catch (JsonSyntaxException e) {
      first = e;
    }
    assertThat(first).isNotNull();
    JsonSyntaxException failure = first;
    assertThatThrownBy(() -> parser.feed("]")).isSameAs(failure);
    assertThatThrownBy(parser::endOfInput).isSameAs(failure);
    assertThat(parser.snapshot().orElseThrow().toJson()).isEqualTo("{\"a\":\"x\",\"b\":[1]}");
  }

  @Test
  void feedingAfterEndOfInputIsRefused() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed("[1]");
    parser.endOfInput();
    assertThat(parser.endOfInput()).isEmpty();
    assertThatThrownBy(() -> parser.feed(" ")).isInstanceOf(IllegalStateException.class);
    assertThat(parser.consumed()).isEqualTo(3);
  }

  @Test
  void deepNestingHitsTheDepthLimitNotTheStack() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    String deep = "[".repeat(100_000);
    assertThatThrownBy(() -> parser.feed(deep))
        .isInstanceOf(JsonLimitException.class)
        .hasMessageContaining("deeper than the limit of 1000")
        .hasMessageContaining("offset 1000");
    IncrementalJsonParser exact = new IncrementalJsonParser(JsonReadLimits.DEFAULT.withMaxDepth(3));
    exact.feed("[[[]]]");
    assertThat(exact.isComplete()).isTrue();
    assertThatThrownBy(
            () -> new IncrementalJsonParser(JsonReadLimits.DEFAULT.withMaxDepth(3)).feed("[[[{"))
        .isInstanceOf(JsonLimitException.class);
  }

  @Test
  void treesDeeperThanTheJavaStackWorkWhenTheLimitAllowsThem() throws Exception {
    // Change paths cost O(depth) each, so very deep documents are quadratic to read; 5 000 levels
    // are still far more than a small thread stack could recurse through.
    int depth = 5_000;
    JsonReadLimits limits = JsonReadLimits.DEFAULT.withMaxDepth(depth);
    List<Object> results = new ArrayList<>();
    var problem = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    // A small stack proves that nothing below recurses per nesting level.
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                String text = "[".repeat(depth) + "]".repeat(depth);
                IncrementalJsonParser parser = new IncrementalJsonParser(limits);
                for (String piece : chunks("[".repeat(depth), 4096)) parser.feed(piece);
                JsonValue open = parser.snapshot().orElseThrow();
                for (String piece : chunks("]".repeat(depth), 4096)) parser.feed(piece);
                JsonValue closed = parser.snapshot().orElseThrow();
                JsonValue again = JsonValue.parse(text, limits);
                results.add(open.toJson().length());
                results.add(closed.toJson().equals(text));
                results.add(closed.equals(again) && closed.hashCode() == again.hashCode());
                results.add(!open.equals(closed));
                results.add(closed.toJsonNode().isArray());
                results.add(JsonValue.fromJsonNode(closed.toJsonNode()).equals(closed));
              } catch (Throwable t) {
                problem.set(t);
              }
            },
            "deep",
            128 * 1024);
    thread.start();
    thread.join();
    assertThat(problem.get()).isNull();
    assertThat(results).containsExactly(2 * depth, true, true, true, true, true);
  }

  @Test
  void longStringsNamesNumbersAndDocumentsHitTheirLimits() {
    JsonReadLimits limits = new JsonReadLimits(10, 8, 100, 5);
    assertThatThrownBy(() -> feedAll(limits, "[\"12345", "6789\"]"))
        .isInstanceOf(JsonLimitException.class)
        .hasMessageContaining("string is longer than the limit of 8");
    assertThatThrownBy(() -> feedAll(limits, "[\"1234567\\n\\n\"]"))
        .isInstanceOf(JsonLimitException.class);
    assertThatThrownBy(() -> feedAll(limits, "{\"123456789\":1}"))
        .isInstanceOf(JsonLimitException.class);
    assertThatThrownBy(() -> feedAll(limits, "[123456]")).isInstanceOf(JsonLimitException.class);
    assertThatThrownBy(() -> feedAll(limits, "[" + " ".repeat(100) + "]"))
        .isInstanceOf(JsonLimitException.class)
        .hasMessageContaining("longer than the limit of 100 characters");
    feedAll(limits, "[\"12345678\",12345]");
    assertThatThrownBy(() -> feedAll(JsonReadLimits.DEFAULT, "[1e9999999999]"))
        .isInstanceOf(JsonLimitException.class)
        .hasMessageContaining("exponent");
    feedAll(JsonReadLimits.DEFAULT, "[1e999999999,1e-0000000000001]");
    String big = "[\"" + "x".repeat(20_000) + "\"]";
    assertThatThrownBy(() -> feedAll(JsonReadLimits.DEFAULT.withMaxStringLength(10_000), big))
        .isInstanceOf(JsonLimitException.class);
  }

  private static void feedAll(JsonReadLimits limits, String... pieces) {
    IncrementalJsonParser parser = new IncrementalJsonParser(limits);
    for (String piece : pieces) parser.feed(piece);
    parser.endOfInput();
  }

  @Test
  void snapshotsAreCachedUntilTheNextVisibleChange() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed("{\"a\":[1,");
    JsonValue first = parser.snapshot().orElseThrow();
    assertThat(parser.snapshot().orElseThrow()).isSameAs(first);
    parser.feed("  23");
    assertThat(parser.snapshot().orElseThrow()).isSameAs(first);
    parser.feed("4,");
    assertThat(parser.snapshot().orElseThrow()).isNotSameAs(first);
    assertThat(parser.snapshot().orElseThrow().toJson()).isEqualTo("{\"a\":[1,234]}");
  }

  @Test
  void nonStringCharSequencesAreRead() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed(new StringBuilder("{\"a\":\"x"));
    parser.feed(new StringBuilder("yz\"}"));
    assertThat(parser.snapshot().orElseThrow().toJson()).isEqualTo("{\"a\":\"xyz\"}");
  }
}
