package dev.reverie.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.error.JsonLimitException;
import dev.reverie.internal.json.Json;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRepairTest {
  static Stream<Arguments> repairs() {
    return Stream.of(
        // wrappers
        repair("code fence", "```json\n{\"a\": 1}\n```", "{\"a\":1}"),
        repair("code fence without language", "```\n[1, 2]\n```", "[1,2]"),
        repair("fence on one line", "```json{\"a\":1}```", "{\"a\":1}"),
        repair(
            "prose around a fence",
            "Sure! Here it is:\n```json\n{\"title\": \"Dune\"}\n```\nHope this helps [really].",
            "{\"title\":\"Dune\"}"),
        repair(
            "truncated inside a fence",
            "```json\n{\"a\": [1, 2\n```\nLet me know: ok",
            "{\"a\":[1,2]}"),
        repair(
            "fence inside a string value does not cut the JSON",
            "```json\n{\"code\": \"```python\\nprint(1)\\n```\"}\n```",
            "{\"code\":\"```python\\nprint(1)\\n```\"}"),
        repair("leading prose", "The answer is {\"a\": 1}", "{\"a\":1}"),
        repair("trailing prose", "{\"a\": 1} is the answer.", "{\"a\":1}"),
        repair(
            "brackets in leading prose are passed over",
            "Result [see below]: {\"a\": [1]}",
            "{\"a\":[1]}"),
        repair(
            "braces in leading prose are passed over",
            "Use {curly} style: {\"a\": 1}",
            "{\"a\":1}"),
        // trailing commas and separators
        repair("trailing comma in object", "{\"a\": 1, \"b\": 2,}", "{\"a\":1,\"b\":2}"),
        repair("trailing comma in array", "[1, 2, 3,]", "[1,2,3]"),
        repair("doubled commas", "[1,, 2]", "[1,2]"),
        repair("missing comma between members", "{\"a\": 1 \"b\": 2}", "{\"a\":1,\"b\":2}"),
        repair(
            "missing comma between members on new lines",
            "{\n  \"a\": \"x\"\n  \"b\": \"y\"\n}",
            "{\"a\":\"x\",\"b\":\"y\"}"),
        repair(
            "missing comma between elements",
            "[1 2 \"three\" {\"four\": 4}]",
            "[1,2,\"three\",{\"four\":4}]"),
        repair("missing colon", "{\"key\" \"value\"}", "{\"key\":\"value\"}"),
        repair("empty value", "{\"key\": , \"b\": 1}", "{\"key\":\"\",\"b\":1}"),
        // quotes
        repair("single quotes", "{'a': 'b', 'c': ['d']}", "{\"a\":\"b\",\"c\":[\"d\"]}"),
        repair("apostrophe inside single quotes", "{'a': 'it's here'}", "{\"a\":\"it's here\"}"),
        repair(
            "unquoted keys", "{a: 1, b_c: \"x\", $d: true}", "{\"a\":1,\"b_c\":\"x\",\"$d\":true}"),
        repair("curly quotes", "{“a”: “b”}", "{\"a\":\"b\"}"),
        repair(
            "unescaped inner quotes",
            "{\"quote\": \"He said \"hi\" to me\", \"n\": 1}",
            "{\"quote\":\"He said \\\"hi\\\" to me\",\"n\":1}"),
        repair(
            "bare word values",
            "{\"name\": John Smith, \"city\": Paris}",
            "{\"name\":\"John Smith\",\"city\":\"Paris\"}"),
        repair(
            "escapes are decoded",
            "{\"a\": \"tab\\tnew\\nline\\u00e9\\\\\"}",
            "{\"a\":\"tab\\tnew\\nline\\u00e9\\\\\"}"),
        repair("escaped single quote", "{'a': 'it\\'s'}", "{\"a\":\"it's\"}"),
        repair(
            "raw newline and tab in a string",
            "{\"a\": \"line1\nline2\tend\"}",
            "{\"a\":\"line1\\nline2\\tend\"}"),
        // comments
        repair(
            "line comments",
            "{\n  // the title\n  \"a\": 1, // trailing\n  \"b\": 2\n}",
            "{\"a\":1,\"b\":2}"),
        repair("hash comments", "{\n  # the title\n  \"a\": 1 # trailing\n}", "{\"a\":1}"),
        repair("block comments", "{/* c */ \"a\": /* c */ 1 /* c */}", "{\"a\":1}"),
        repair("unterminated block comment", "{\"a\": 1 /* never closed", "{\"a\":1}"),
        repair("comment after a bare word", "{\"a\": hello // note\n}", "{\"a\":\"hello\"}"),
        repair("urls are not comments", "{\"u\": \"http://x.y/z\"}", "{\"u\":\"http://x.y/z\"}"),
        // literals
        repair(
            "python literals",
            "{\"a\": True, \"b\": False, \"c\": None}",
            "{\"a\":true,\"b\":false,\"c\":null}"),
        repair("upper-case literals", "[TRUE, FALSE, NULL]", "[true,false,null]"),
        repair("ellipsis placeholder", "[1, 2, ...]", "[1,2]"),
        // numbers
        repair("underscored number", "{\"n\": 1_000_000}", "{\"n\":1000000}"),
        repair("leading dot", "{\"n\": .25}", "{\"n\":0.25}"),
        repair("trailing dot", "{\"n\": 1.}", "{\"n\":1.0}"),
        repair("dangling exponent", "{\"n\": 1e}", "{\"n\":1}"),
        repair("plus sign", "[+3]", "[3]"),
        repair(
            "not a number becomes text",
            "{\"a\": 1/3, \"b\": 10-20, \"c\": 1.1.1}",
            "{\"a\":\"1/3\",\"b\":\"10-20\",\"c\":\"1.1.1\"}"),
        repair(
            "uuid stays text",
            "{\"id\": 123e4567-e89b-12d3-a456-426614174000}",
            "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}"),
        repair("big integer preserved", "[12345678901234567890123]", "[12345678901234567890123]"),
        // truncation
        repair("truncated string", "{\"title\": \"The Lord of", "{\"title\":\"The Lord of\"}"),
        repair("truncated array at depth", "{\"a\": [1, 2, 3", "{\"a\":[1,2,3]}"),
        repair(
            "truncated nested", "{\"a\": {\"b\": [{\"c\": \"d", "{\"a\":{\"b\":[{\"c\":\"d\"}]}}"),
        repair("dangling comma", "{\"a\": 1,", "{\"a\":1}"),
        repair("dangling colon", "{\"a\": 1, \"b\":", "{\"a\":1}"),
        repair("dangling key", "{\"a\": 1, \"b\"", "{\"a\":1}"),
        repair("dangling key opening", "{\"a\": 1, \"b", "{\"a\":1}"),
        repair("just an opening quote", "{\"", "{}"),
        repair("just an opening bracket", "[", "[]"),
        repair("opening bracket and quote", "[\"", "[\"\"]"),
        repair("truncated literal", "{\"a\": tr", "{\"a\":true}"),
        repair("truncated null", "[nu", "[null]"),
        repair("truncated number", "{\"a\": 12", "{\"a\":12}"),
        repair("truncated negative sign", "{\"a\": 1, \"b\": -", "{\"a\":1}"),
        repair("trailing backslash", "{\"a\": \"x\\", "{\"a\":\"x\"}"),
        repair("truncated unicode escape", "{\"a\": \"\\u00", "{\"a\":\"\\\\u00\"}"),
        // structure
        repair("array closed with a brace", "[\"a\", \"b\"}", "[\"a\",\"b\"]"),
        repair("object closed with a bracket", "{\"a\": 1]", "{\"a\":1}"),
        repair("object missing its brace inside an array", "[{\"a\": 1], 2", "[{\"a\":1}]"),
        repair("extra closing braces", "{\"a\": {\"b\": 1}}}", "{\"a\":{\"b\":1}}"),
        repair("duplicate keys keep the last", "{\"a\": 1, \"a\": 2}", "{\"a\":2}"),
        repair("empty object", "{}", "{}"),
        repair(
            "a realistic book",
            """
            Here is the JSON for the book:

            ```json
            {
              title: 'The Lord of the Rings',
              "author": {"name": "J.R.R. Tolkien", "nationality": "British",},
              "genres": ["fantasy", "adventure",],  // two genres
              "published_year": 1954,
            }
            ```
            """,
            "{\"title\":\"The Lord of the Rings\",\"author\":{\"name\":\"J.R.R. Tolkien\","
                + "\"nationality\":\"British\"},\"genres\":[\"fantasy\",\"adventure\"],"
                + "\"published_year\":1954}"),
        repair(
            "a realistic truncated book",
            "{\"title\": \"The Lord of the Rings\", \"author\": {\"name\": \"Tolkien\","
                + " \"nationality\": \"Bri",
            "{\"title\":\"The Lord of the"
                + " Rings\",\"author\":{\"name\":\"Tolkien\",\"nationality\":\"Bri\"}}"));
  }

  private static Arguments repair(String name, String input, String expected) {
    return Arguments.of(name, input, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repairs")
  void repairs(String name, String input, String expected) {
    Optional<String> repaired = JsonRepair.repair(input);
    assertThat(repaired).as("repaired text of %s", input).isPresent();
    assertThat(Json.parse(repaired.get(), "repaired")).isEqualTo(Json.parse(expected, "expected"));
    assertThat(JsonRepair.repairToTree(input).map(tree -> Json.parse(Json.write(tree), "tree")))
        .contains(Json.parse(expected, "expected"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1}",
        "  {\"title\": \"x\", \"n\": [1, 2.5, -3e4, true, false, null, {}, []]}  ",
        "[]",
        "42",
        "\"just a string\"",
        "null",
        "{\"unicode\": \"\\u00e9\\ud83d\\ude00 é\", \"escaped\": \"a\\\"b\\\\c\\/d\"}",
        "{\"big\": 123456789012345678901234567890, \"exact\": 0.1000}"
      })
  void validJsonPassesThroughUnchanged(String input) {
    assertThat(JsonRepair.repair(input)).contains(input.strip());
    assertThat(JsonRepair.repairToTree(input)).contains(Json.parse(input, "input"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "Hello world", "True", "I cannot help with that.", "```\nnothing\n```"})
  void nothingJsonLikeGivesEmpty(String input) {
    assertThat(JsonRepair.repair(input)).isEmpty();
    assertThat(JsonRepair.repairToTree(input)).isEmpty();
  }

  @Test
  void nullGivesEmpty() {
    assertThat(JsonRepair.repair(null)).isEmpty();
  }

  @Test
  void deepNestingIsALimitNotAStackOverflow() {
    String deep = "[".repeat(100_000);
    assertThatThrownBy(() -> JsonRepair.repair(deep))
        .isInstanceOf(JsonLimitException.class)
        .hasMessageContaining("500");
  }

  @Test
  void nestingUpToTheLimitIsRepaired() {
    String deep = "[".repeat(JsonRepair.MAX_DEPTH) + "1";
    JsonNode tree = JsonRepair.repairToTree(deep).orElseThrow();
    for (int i = 1; i < JsonRepair.MAX_DEPTH; i++) {
      tree = tree.get(0);
    }
    assertThat(tree.get(0).asInt()).isEqualTo(1);
  }

  @Test
  void everyPrefixOfAnObjectRepairsWithoutFailing() {
    String full =
        "```json\n"
            + "{\"title\": \"The Lord of the Rings\", 'author': {name: \"Tolkien\"}, \"genres\":"
            + " [\"fantasy\", \"adventure\"], \"year\": 1954, \"ok\": True} // done\n"
            + "```";
    for (int i = 0; i <= full.length(); i++) {
      String prefix = full.substring(0, i);
      Optional<String> repaired = JsonRepair.repair(prefix);
      repaired.ifPresent(text -> Json.parse(text, "repaired prefix"));
    }
    assertThat(JsonRepair.repair(full).map(text -> Json.parse(text, "full")))
        .contains(
            Json.parse(
                "{\"title\":\"The Lord of the Rings\",\"author\":{\"name\":\"Tolkien\"},"
                    + "\"genres\":[\"fantasy\",\"adventure\"],\"year\":1954,\"ok\":true}",
                "expected"));
  }

  @Test
  void randomJsonLikeNoiseAlwaysGivesValidJsonOrNothing() {
    String alphabet = "{}[]\"':,.-+eE0123456789 \n\t\\/#*truefalsnNoTF`\u201c\u201d_abc";
    var random = new java.util.Random(7);
    for (int n = 0; n < 20_000; n++) {
      var noise = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      JsonRepair.repair(noise.toString()).ifPresent(text -> Json.parse(text, "repaired noise"));
    }
  }

  @Test
  void repairHookIsAFunctionalInterface() {
    RepairHook hook = (raw, error) -> Optional.of(raw.replace("oops", "{}"));
    assertThat(hook.repair("oops", new IllegalStateException("bad"))).contains("{}");
  }
}
