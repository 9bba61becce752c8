package dev.reverie.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaValidatorTest {
  private static final SchemaValidator BOOK =
      SchemaValidator.of(
          StrictSchemas.forOpenAiStrict(SchemaGenerator.schemaFor(SchemaGeneratorTest.Book.class)));
  private static final SchemaValidator PERSON =
      SchemaValidator.of(SchemaGenerator.schemaFor(SchemaGeneratorTest.Person.class));

  /**
   * schema | value | expected violations, as "path: message" joined by " ; ", or empty when valid.
   */
  @ParameterizedTest(name = "[{index}] {0} on {1}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      textBlock =
          """
          {"type":"string"}                    | "a"          |
          {"type":"string"}                    | 1            | (root): expected string but got integer
          {"type":"integer"}                   | 1            |
          {"type":"integer"}                   | 1.0          |
          {"type":"integer"}                   | 1e2          |
          {"type":"integer"}                   | 1.5          | (root): expected integer but got number
          {"type":"integer"}                   | "1"          | (root): expected integer but got string
          {"type":"number"}                    | 1            |
          {"type":"number"}                    | 1.5          |
          {"type":"boolean"}                   | false        |
          {"type":"boolean"}                   | "true"       | (root): expected boolean but got string
          {"type":"null"}                      | null         |
          {"type":"object"}                    | []           | (root): expected object but got array
          {"type":"array"}                     | {}           | (root): expected array but got object
          {"type":["string","null"]}           | null         |
          {"type":["string","null"]}           | 3            | (root): expected string or null but got integer
          {"type":"string","nullable":true}    | null         |
          {"type":"string","nullable":false}   | null         | (root): expected string but got null
          {"enum":["a","b"]}                   | "b"          |
          {"enum":["a","b"]}                   | "c"          | (root): expected one of ["a", "b"] but got "c"
          {"enum":[1,{"k":[1]}]}               | {"k":[1.0]}  |
          {"const":2}                          | 2.00         |
          {"const":2}                          | 3            | (root): expected 2 but got 3
          {"minimum":1}                        | 1            |
          {"minimum":1}                        | 0.5          | (root): must be at least 1 but is 0.5
          {"maximum":1}                        | 2            | (root): must be at most 1 but is 2
          {"exclusiveMinimum":1}               | 1            | (root): must be greater than 1 but is 1
          {"exclusiveMaximum":1}               | 1            | (root): must be less than 1 but is 1
          {"exclusiveMaximum":1}               | 0.99         |
          {"minimum":1,"exclusiveMinimum":true} | 1           | (root): must be greater than 1 but is 1
          {"multipleOf":0.1}                   | 0.3          |
          {"multipleOf":2}                     | 3            | (root): must be a multiple of 2 but is 3
          {"minimum":1}                        | "text"       |
          {"minLength":2}                      | "ab"         |
          {"minLength":2}                      | "😀"         | (root): must be at least 2 characters long but has 1
          {"maxLength":1}                      | "😀"         |
          {"maxLength":1}                      | "ab"         | (root): must be at most 1 characters long but has 2
          {"pattern":"^a+$"}                   | "aaa"        |
          {"pattern":"b"}                      | "abc"        |
          {"pattern":"^a+$"}                   | "ab"         | (root): does not match the pattern ^a+$
          {"minItems":1}                       | []           | (root): must have at least 1 items but has 0
          {"maxItems":1}                       | [1,2]        | (root): must have at most 1 items but has 2
          {"uniqueItems":true}                 | [1,"1",[1]]  |
          {"uniqueItems":true}                 | [{"a":1,"b":2},{"b":2,"a":1.0}] | /1: duplicates an earlier item; items must be unique
          {"items":{"type":"string"}}          | ["a",2]      | /1: expected string but got integer
          {"prefixItems":[{"type":"string"}],"items":{"type":"integer"}} | ["a",1,"b"] | /2: expected integer but got string
          {"items":[{"type":"string"}],"additionalItems":false} | ["a","b"] | /1: no value is allowed here
          {"properties":{"a":{"type":"string"}}} | {"a":"x","b":1} |
          {"properties":{"a":{"type":"string"}},"required":["a","c"]} | {"b":1} | (root): missing required property "a" ; (root): missing required property "c"
          {"properties":{"a":{}},"additionalProperties":false} | {"a":1,"b":2} | /b: property "b" is not allowed; allowed: a
          {"additionalProperties":{"type":"number"}} | {"x":1,"y":"z"} | /y: expected number but got string
          {"properties":{"a/b~c":{"type":"string"}}} | {"a/b~c":1} | /a~1b~0c: expected string but got integer
          {"anyOf":[{"type":"string"},{"type":"integer"}]} | 3 |
          {"anyOf":[{"type":"string"},{"type":"integer"}]} | true | (root): matches none of the 2 anyOf alternatives ((root): expected string but got boolean; (root): expected integer but got boolean)
          {"anyOf":[{"type":"object","properties":{"a":{"type":"string"}}},{"type":"null"}]} | {"a":1} | /a: expected string but got integer
          {"oneOf":[{"type":"integer"},{"type":"number"}]} | 1.5 |
          {"oneOf":[{"type":"integer"},{"type":"number"}]} | 1 | (root): matches 2 of the oneOf alternatives but must match exactly one
          {"allOf":[{"minimum":1},{"maximum":3}]} | 4 | (root): must be at most 3 but is 4
          {"$defs":{"s":{"type":"string"}},"$ref":"#/$defs/s"} | 1 | (root): expected string but got integer
          {"definitions":{"s":{"type":"string"}},"properties":{"p":{"$ref":"#/definitions/s"}}} | {"p":true} | /p: expected string but got boolean
          {"properties":{"next":{"anyOf":[{"$ref":"#"},{"type":"null"}]},"v":{"type":"integer"}},"required":["v"]} | {"v":1,"next":{"v":2,"next":{"v":"x","next":null}}} | /next/next/v: expected integer but got string
          {"type":"string","format":"email","title":"t","description":"d"} | "not an email" |
          true                                 | {"any":"thing"} |
          false                                | 1            | (root): no value is allowed here
          """)
  void validates(String schema, String value, String expected) {
    List<SchemaViolation> violations = SchemaValidator.of(json(schema)).validate(json(value));
    String actual = String.join(" ; ", violations.stream().map(SchemaViolation::toString).toList());
    assertThat(actual).isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void validBookAndPerson() {
    assertThat(
            BOOK.validate(
                json(
                    """
                    {"title":"The Lord of the Rings","author":{"name":"J.R.R. Tolkien",\
                    "nationality":"British"},"genres":["fantasy","adventure"],"published_year":1954}\
                    """)))
        .isEmpty();
    assertThat(PERSON.validate(json("{\"name\":\"Alice\",\"age\":30,\"city\":\"Paris\"}")))
        .isEmpty();
  }

  @Test
  void bookViolationsNameTheirPaths() {
    List<SchemaViolation> violations =
        BOOK.validate(
            json(
                """
                {"title":"LOTR","author":{"name":"Tolkien","born":1892},"genres":["fantasy",7],\
                "published_year":"1954"}\
                """));
    assertThat(violations)
        .extracting(SchemaViolation::toString)
        .containsExactly(
            "/author: missing required property \"nationality\"",
            "/author/born: property \"born\" is not allowed; allowed: name, nationality",
            "/genres/1: expected string but got integer",
            "/published_year: expected integer but got string");
  }

  @Test
  void personMissingFields() {
    assertThat(PERSON.validate(json("{\"name\":\"Alice\"}")))
        .extracting(SchemaViolation::toString)
        .containsExactly(
            "(root): missing required property \"age\"",
            "(root): missing required property \"city\"");
    assertThat(PERSON.validate(null))
        .extracting(SchemaViolation::message)
        .containsExactly("expected object but got null");
  }

  /** path | kind | expected violation or empty. */
  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      textBlock =
          """
                                  | OBJECT            |
                                  | ARRAY             | (root): expected object but got array
          /title                  | STRING            |
          /title                  | INTEGER   | /title: expected string but got integer
          /published_year         | INTEGER   |
          /published_year         | NUMBER | /published_year: expected integer but got number
          /published_year         | STRING            | /published_year: expected integer but got string
          /published_year         | NULL              | /published_year: expected integer but got null
          /author                 | OBJECT            |
          /author/name            | STRING            |
          /author/born            | INTEGER   | /author/born: property "born" is not allowed; allowed: name, nationality
          /author/born/deeper     | STRING            | /author/born: property "born" is not allowed; allowed: name, nationality
          /publisher              | STRING            | /publisher: property "publisher" is not allowed; allowed: title, author, genres, published_year
          /genres                 | ARRAY             |
          /genres/0               | STRING            |
          /genres/12              | BOOLEAN           | /genres/12: expected string but got boolean
          /genres/x               | STRING            | /genres/x: "x" is not an array index
          /title/0                | STRING            | /title: expected string but got an object or array
          """)
  void checksKindsWhileStreaming(String path, SchemaType kind, String expected) {
    Optional<SchemaViolation> violation = BOOK.checkKind(path == null ? "" : path, kind);
    assertThat(violation.map(SchemaViolation::toString).orElse(""))
        .isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "[{index}] {1} {2}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      textBlock =
          """
          {"anyOf":[{"type":"string"},{"type":"array","items":{"type":"integer"}}]} | /0 | INTEGER |
          {"anyOf":[{"type":"string"},{"type":"array","items":{"type":"integer"}}]} | /0 | STRING | /0: expected integer but got string
          {"anyOf":[{"type":"string"},{"type":"integer"}]} | | BOOLEAN | (root): matches none of the 2 anyOf alternatives ((root): expected string but got boolean; (root): expected integer but got boolean)
          {"oneOf":[{"type":"string"},{"type":"null"}]} | | NULL |
          {"type":"string","nullable":true} | | NULL |
          {"enum":["a",1]} | | INTEGER |
          {"enum":["a",1]} | | BOOLEAN | (root): expected one of ["a", 1] but got boolean
          {"const":true} | | STRING | (root): expected true but got string
          {"$defs":{"n":{"type":"object","properties":{"c":{"$ref":"#/$defs/n"},"v":{"type":"integer"}}}},"$ref":"#/$defs/n"} | /c/c/c/v | STRING | /c/c/c/v: expected integer but got string
          {"type":"array","maxItems":2} | /2 | STRING | /2: the array may have at most 2 items
          {"type":"array","prefixItems":[{"type":"string"}],"items":false} | /1 | STRING | /1: no value is allowed here
          {"type":"object","additionalProperties":{"type":"integer"}} | /any | INTEGER |
          {"type":"object","additionalProperties":{"type":"integer"}} | /any | STRING | /any: expected integer but got string
          {"allOf":[{"type":["string","integer"]},{"type":["integer","null"]}]} | | STRING | (root): expected integer or null but got string
          {} | /a/0/b | OBJECT |
          false | | OBJECT | (root): no value is allowed here
          """)
  void checksKindsThroughComposition(String schema, String path, SchemaType kind, String expected) {
    Optional<SchemaViolation> violation =
        SchemaValidator.of(json(schema)).checkKind(path == null ? "" : path, kind);
    assertThat(violation.map(SchemaViolation::toString).orElse(""))
        .isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void checksCompletedElements() {
    assertThat(BOOK.checkComplete("/genres/0", json("\"fantasy\""))).isEmpty();
    assertThat(BOOK.checkComplete("/genres/1", json("7")).map(SchemaViolation::toString))
        .contains("/genres/1: expected string but got integer");
    assertThat(
            BOOK.checkComplete("/author", json("{\"name\":\"T\"}")).map(SchemaViolation::toString))
        .contains("/author: missing required property \"nationality\"");
    assertThat(BOOK.checkComplete("", json("{}"))).isPresent();
    assertThat(BOOK.checkComplete("/nope", json("1")).map(SchemaViolation::path)).contains("/nope");
  }

  @Test
  void aFinalCheckSkipsTheNodesAlreadyFoundValidAtTheSameSubSchema() {
    var validator =
        SchemaValidator.of(
            json(
                "{\"type\":\"object\",\"required\":[\"items\"],\"properties\":{\"items\":"
                    + "{\"type\":\"array\",\"items\":{\"type\":\"object\","
                    + "\"required\":[\"n\"],\"properties\":{\"n\":{\"type\":\"integer\"}}}},"
                    + "\"other\":{\"type\":\"object\",\"required\":[\"x\"]}}}"));
    var known = new ValidatedValues();
    var element = (com.fasterxml.jackson.databind.node.ObjectNode) json("{\"n\":1}");
    assertThat(validator.checkComplete("/items/0", element, known)).isEmpty();
    var document = (com.fasterxml.jackson.databind.node.ObjectNode) json("{\"items\":[]}");
    document.withArray("items").add(element);
    assertThat(validator.validate(document, known)).isEmpty();

    // Proof that the element was skipped, not checked again: break it behind the record's back.
    element.put("n", "not an integer");
    assertThat(validator.validate(document, known)).isEmpty();
    assertThat(validator.validate(document))
        .extracting(SchemaViolation::path)
        .containsExactly("/items/0/n");

    // The same node under another sub-schema is checked there; the rest of the document still is.
    document.set("other", element);
    assertThat(validator.validate(document, known))
        .extracting(SchemaViolation::path)
        .containsExactly("/other");
    document.remove("other");
    document.remove("items");
    assertThat(validator.validate(document, known))
        .extracting(SchemaViolation::message)
        .containsExactly("missing required property \"items\"");
  }

  @Test
  void aLocationResolvedOnceChecksEveryElementThereAsAFullDescentDoes() {
    var validator =
        SchemaValidator.of(
            json(
                "{\"type\":\"object\",\"properties\":{\"books\":{\"type\":\"array\",\"items\":"
                    + "{\"type\":\"object\",\"required\":[\"title\"],\"properties\":{\"title\":"
                    + "{\"type\":\"string\",\"minLength\":2},\"tags\":{\"type\":\"array\","
                    + "\"items\":{\"enum\":[\"a\",\"b\"]}}}}}}}"));
    var books = validator.resolve("/books/0").orElseThrow();
    var tags = validator.resolve("/books/3/tags/0").orElseThrow();
    for (String element :
        new String[] {"{\"title\":\"ok\"}", "{}", "{\"title\":\"x\"}", "{\"title\":1}", "[]"}) {
      for (String path : new String[] {"/books/0", "/books/17"}) {
        assertThat(validator.checkComplete(books, path, json(element), null))
            .as("%s at %s", element, path)
            .isEqualTo(validator.checkComplete(path, json(element)));
      }
    }
    for (String tag : new String[] {"\"a\"", "\"c\"", "1"}) {
      assertThat(validator.checkComplete(tags, "/books/2/tags/5", json(tag), null))
          .isEqualTo(validator.checkComplete("/books/2/tags/5", json(tag)));
    }
    SchemaValidator other = SchemaValidator.of(json("{\"items\":{}}"));
    assertThatThrownBy(() -> other.checkComplete(books, "/0", json("1"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"anyOf\":[{\"items\":{\"type\":\"string\"}},{\"items\":{\"type\":\"integer\"}}]}",
        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}],\"items\":{}}",
        "{\"type\":\"array\",\"maxItems\":3,\"items\":{}}",
        "{\"allOf\":[{\"items\":{\"type\":\"string\"}}],\"items\":{\"minLength\":1}}",
        "{\"properties\":{\"0\":{}},\"items\":{}}",
        "{\"type\":\"object\"}",
      })
  void noLocationIsResolvedWhereTheIndexOrAlternativesDecide(String schema) {
    assertThat(SchemaValidator.of(json(schema)).resolve("/0")).isEmpty();
  }

  @Test
  void anInvalidElementOrOneUnderAlternativesIsNotRecorded() {
    var validator =
        SchemaValidator.of(
            json(
                // Two sub-schemas govern /0: the element is valid under one of them, which one
                // depends on the rest of the document, so it cannot be recorded as valid.
                "{\"anyOf\":[{\"type\":\"array\",\"items\":{\"required\":[\"a\"]}},"
                    + "{\"type\":\"array\",\"items\":{\"required\":[\"b\"]}}]}"));
    var known = new ValidatedValues();
    var element = (com.fasterxml.jackson.databind.node.ObjectNode) json("{\"a\":1}");
    assertThat(validator.checkComplete("/0", element, known)).isEmpty();
    element.remove("a");
    var document = json("[]");
    ((com.fasterxml.jackson.databind.node.ArrayNode) document).add(element);
    assertThat(validator.validate(document, known)).isNotEmpty();

    var plain = SchemaValidator.of(json("{\"type\":\"array\",\"items\":{\"required\":[\"a\"]}}"));
    var invalid = json("{}");
    var none = new ValidatedValues();
    assertThat(plain.checkComplete("/0", invalid, none)).isPresent();
    var withInvalid = json("[]");
    ((com.fasterxml.jackson.databind.node.ArrayNode) withInvalid).add(invalid);
    assertThat(plain.validate(withInvalid, none)).isNotEmpty();
  }

  @Test
  void rejectsMalformedPointers() {
    assertThatThrownBy(() -> BOOK.checkKind("title", SchemaType.STRING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"type":"text"}                      | unknown type "text"
          {"$ref":"#/$defs/missing"}           | does not point to a schema
          {"$ref":"other.json#/x"}             | only references inside the schema
          {"pattern":"(["}                     | pattern is not a valid regular expression
          {"$ref":"#"}                         | refers back to itself
          {"anyOf":[{"$ref":"#/$defs/a"}],"$defs":{"a":{"allOf":[{"$ref":"#"}]}}} | refers back to itself
          {"minLength":-1}                     | minLength must be a non-negative integer
          {"required":"a"}                     | required must be an array
          [1]                                  | must be an object or a boolean
          """)
  void rejectsUnusableSchemas(String schema, String message) {
    assertThatThrownBy(() -> SchemaValidator.of(json(schema)))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining(message);
  }

  @Test
  void deepValuesAreReportedNotOverflowed() {
    ObjectNode schema = (ObjectNode) json("{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}");
    var validator = SchemaValidator.of(schema);
    ArrayNode deepest = JsonNodeFactory.instance.arrayNode();
    ArrayNode outer = deepest;
    for (int i = 0; i < 100_000; i++) {
      outer = JsonNodeFactory.instance.arrayNode().add(outer);
    }
    assertThat(validator.validate(outer))
        .extracting(SchemaViolation::message)
        .containsExactly("the value is nested deeper than 1000 levels");
  }

  @Test
  void thousandLevelsValidateOnASmallStack() throws Exception {
    var validator =
        SchemaValidator.of(
            json(
                "{\"anyOf\":[{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}},{\"type\":\"integer\"}]}"));
    JsonNode value = JsonNodeFactory.instance.numberNode(BigDecimal.ONE);
    for (int i = 0; i < SchemaValidator.MAX_VALUE_DEPTH; i++) {
      value = JsonNodeFactory.instance.arrayNode().add(value);
    }
    JsonNode deep = value;
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                outcome.set(validator.validate(deep));
              } catch (Throwable t) {
                outcome.set(t);
              }
            },
            "small-stack",
            512 * 1024);
    thread.start();
    thread.join();
    assertThat(outcome.get()).isEqualTo(List.of());
  }

  @Test
  void capsTheNumberOfViolations() {
    ArrayNode many = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < 500; i++) {
      many.add(i);
    }
    assertThat(SchemaValidator.of(json("{\"items\":{\"type\":\"string\"}}")).validate(many))
        .hasSize(SchemaValidator.MAX_VIOLATIONS);
  }

  @Test
  void pathsOfDeepViolationsAreSpelledOutWithEscapes() {
    // Paths are built only when a violation needs them; they must read as before, escapes and
    // indices included, from validate and from checkComplete at a nested location.
    var validator =
        SchemaValidator.of(
            json(
                "{\"type\":\"object\",\"properties\":{\"a/b\":{\"type\":\"object\","
                    + "\"properties\":{\"c~d\":{\"type\":\"array\",\"items\":"
                    + "{\"type\":\"integer\"}}},\"additionalProperties\":false}}}"));
    assertThat(validator.validate(json("{\"a/b\":{\"c~d\":[1,\"x\",3,true],\"e\":1}}")))
        .containsExactly(
            new SchemaViolation("/a~1b/c~0d/1", "expected integer but got string"),
            new SchemaViolation("/a~1b/c~0d/3", "expected integer but got boolean"),
            new SchemaViolation("/a~1b/e", "property \"e\" is not allowed; allowed: c~d"));
    assertThat(validator.checkComplete("/a~1b/c~0d", json("[2,\"y\"]")))
        .contains(new SchemaViolation("/a~1b/c~0d/1", "expected integer but got string"));
    assertThat(validator.checkComplete("/a~1b/c~0d/7", json("7"))).isEmpty();
  }

  @Test
  void anUnboundedNumberIsStillCheckedToBeFinite() {
    var validator = SchemaValidator.of(json("{\"type\":\"number\"}"));
    var factory = JsonNodeFactory.instance;
    assertThat(validator.validate(factory.numberNode(Double.NaN)))
        .containsExactly(new SchemaViolation("", "expected a finite number but got NaN"));
    assertThat(validator.validate(factory.numberNode(Double.POSITIVE_INFINITY)))
        .containsExactly(new SchemaViolation("", "expected a finite number but got Infinity"));
    assertThat(validator.validate(factory.numberNode(1.5))).isEmpty();
    assertThat(validator.validate(factory.numberNode(new BigDecimal("1e400")))).isEmpty();
    assertThat(SchemaValidator.of(json("{\"minimum\":0}")).validate(factory.numberNode(Double.NaN)))
        .containsExactly(new SchemaViolation("", "expected a finite number but got NaN"));
  }

  private static JsonNode json(String text) {
    return Json.parse(text, "test");
  }

  @Test
  void anUntypedSchemaGivesNoEarlyViolationForAnArrayElement() {
    SchemaValidator validator = SchemaValidator.of(json("{\"additionalProperties\":false}"));
    assertThat(validator.checkKind("/0", SchemaType.INTEGER)).isEmpty();
    assertThat(validator.validate(json("[1]"))).isEmpty();
  }

  @Test
  void patternPropertiesAreNotAdditionalPropertiesWhileStreaming() {
    SchemaValidator validator =
        SchemaValidator.of(
            json(
                "{\"type\":\"object\",\"patternProperties\":{\"^x-\":{\"type\":\"string\"}},"
                    + "\"additionalProperties\":false}"));
    assertThat(validator.checkKind("/x-a", SchemaType.STRING)).isEmpty();
    assertThat(validator.checkKind("/x-a", SchemaType.INTEGER)).isPresent();
    assertThat(validator.checkKind("/y", SchemaType.STRING)).isPresent();
  }
}
