package dev.reverie.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictSchemasTest {
  @Test
  void generatedBookSchemaBecomesExactlyTheRecordedWireSchema() {
    ObjectNode strict =
        StrictSchemas.forOpenAiStrict(SchemaGenerator.schemaFor(SchemaGeneratorTest.Book.class));
    assertThat(strict).isEqualTo(json(SchemaGeneratorTest.RECORDED_BOOK_SCHEMA));
  }

  @Test
  void generatedPersonSchemaBecomesExactlyTheRecordedWireSchema() {
    ObjectNode strict =
        StrictSchemas.forOpenAiStrict(SchemaGenerator.schemaFor(SchemaGeneratorTest.Person.class));
    assertThat(strict).isEqualTo(json(SchemaGeneratorTest.RECORDED_PERSON_SCHEMA));
  }

  @Test
  void conformingSchemasOnlyGainAdditionalPropertiesFalse() {
    for (String recorded :
        List.of(
            SchemaGeneratorTest.RECORDED_BOOK_SCHEMA, SchemaGeneratorTest.RECORDED_PERSON_SCHEMA)) {
      ObjectNode stripped = SchemaGeneratorTest.withoutAdditionalPropertiesFalse(recorded);
      assertThat(StrictSchemas.forOpenAiStrict(stripped)).isEqualTo(json(recorded));
      // Idempotent on a schema that already conforms.
      assertThat(StrictSchemas.forOpenAiStrict((ObjectNode) json(recorded)))
          .isEqualTo(json(recorded));
    }
  }

  @Test
  void doesNotModifyItsArgument() {
    ObjectNode schema = SchemaGenerator.schemaFor(SchemaGeneratorTest.Book.class);
    ObjectNode before = schema.deepCopy();
    StrictSchemas.forOpenAiStrict(schema);
    assertThat(schema).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          optional string becomes nullable | {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string","description":"d"}},"required":["a"]} | {"type":"object","properties":{"a":{"type":"string"},"b":{"type":["string","null"],"description":"d"}},"required":["a","b"],"additionalProperties":false}
          optional enum gains null | {"type":"object","properties":{"m":{"type":"string","enum":["x","y"]}}} | {"type":"object","properties":{"m":{"type":["string","null"],"enum":["x","y",null]}},"required":["m"],"additionalProperties":false}
          optional anyOf gains null branch | {"type":"object","properties":{"u":{"anyOf":[{"type":"string"},{"type":"integer"}]}}} | {"type":"object","properties":{"u":{"anyOf":[{"type":"string"},{"type":"integer"},{"type":"null"}]}},"required":["u"],"additionalProperties":false}
          optional untyped wraps in anyOf | {"type":"object","properties":{"c":{"const":"k","description":"d"}}} | {"type":"object","properties":{"c":{"description":"d","anyOf":[{"const":"k"},{"type":"null"}]}},"required":["c"],"additionalProperties":false}
          openapi nullable | {"type":"object","properties":{"n":{"type":"integer","nullable":true}},"required":["n"]} | {"type":"object","properties":{"n":{"type":["integer","null"]}},"required":["n"],"additionalProperties":false}
          unsupported keywords removed | {"$schema":"x","type":"object","properties":{"s":{"type":"string","minLength":1,"maxLength":9,"pattern":"^a","format":"email","default":"a"},"t":{"type":"string","format":"phone"},"l":{"type":"array","items":{"type":"integer","minimum":1},"uniqueItems":true,"minItems":1}},"required":["s","t","l"],"patternProperties":{"x":{}}} | {"type":"object","properties":{"s":{"type":"string","pattern":"^a","format":"email"},"t":{"type":"string"},"l":{"type":"array","items":{"type":"integer","minimum":1},"minItems":1}},"required":["s","t","l"],"additionalProperties":false}
          nested objects in items and anyOf | {"type":"array","items":{"type":"object","properties":{"o":{"anyOf":[{"type":"object","properties":{}},{"type":"null"}]}},"required":["o"]}} | {"type":"array","items":{"type":"object","properties":{"o":{"anyOf":[{"type":"object","properties":{},"additionalProperties":false,"required":[]},{"type":"null"}]}},"required":["o"],"additionalProperties":false}}
          oneOf becomes anyOf | {"oneOf":[{"type":"string"},{"type":"integer"}]} | {"anyOf":[{"type":"string"},{"type":"integer"}]}
          single allOf merged | {"allOf":[{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}],"description":"d"} | {"description":"d","type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}
          additionalProperties true becomes false | {"type":"object","properties":{},"required":[],"additionalProperties":true} | {"type":"object","properties":{},"required":[],"additionalProperties":false}
          map schema kept | {"type":"object","additionalProperties":{"type":"object","properties":{"v":{"type":"number"}},"required":["v"]}} | {"type":"object","additionalProperties":{"type":"object","properties":{"v":{"type":"number"}},"required":["v"],"additionalProperties":false}}
          defs normalised | {"type":"object","properties":{"n":{"$ref":"#/$defs/N"}},"required":["n"],"$defs":{"N":{"type":"object","properties":{"k":{"anyOf":[{"$ref":"#/$defs/N"},{"type":"null"}]}},"required":["k"]}}} | {"type":"object","properties":{"n":{"$ref":"#/$defs/N"}},"required":["n"],"$defs":{"N":{"type":"object","properties":{"k":{"anyOf":[{"$ref":"#/$defs/N"},{"type":"null"}]}},"required":["k"],"additionalProperties":false}},"additionalProperties":false}
          ref with siblings inlined | {"type":"object","properties":{"n":{"$ref":"#/$defs/N","description":"d"}},"required":["n"],"$defs":{"N":{"type":"object","properties":{"k":{"type":"string"}},"required":["k"]}}} | {"type":"object","properties":{"n":{"type":"object","properties":{"k":{"type":"string"}},"required":["k"],"description":"d","additionalProperties":false}},"required":["n"],"$defs":{"N":{"type":"object","properties":{"k":{"type":"string"}},"required":["k"],"additionalProperties":false}},"additionalProperties":false}
          """)
  void normalises(String name, String input, String expected) {
    assertThat(StrictSchemas.forOpenAiStrict((ObjectNode) json(input))).isEqualTo(json(expected));
  }

  record Draft(String title, @JsonProperty(isRequired = OptBoolean.FALSE) Integer pages) {}

  @Test
  void optionalGeneratedPropertyIsRequiredButNullable() {
    ObjectNode strict = StrictSchemas.forOpenAiStrict(SchemaGenerator.schemaFor(Draft.class));
    assertThat(strict.get("required")).isEqualTo(json("[\"title\",\"pages\"]"));
    assertThat(strict.at("/properties/pages/type")).isEqualTo(json("[\"integer\",\"null\"]"));
    assertThat(SchemaValidator.of(strict).validate(json("{\"title\":\"t\",\"pages\":null}")))
        .isEmpty();
  }

  @Test
  void recursiveGeneratedTypesStayValidAndBounded() {
    ObjectNode strict =
        StrictSchemas.forOpenAiStrict(SchemaGenerator.schemaFor(SchemaGeneratorTest.Tree.class));
    assertThat(strict.at("/properties/root/description").asText()).isEqualTo("The root category");
    assertThat(strict.at("/properties/root/additionalProperties").asBoolean(true)).isFalse();
    assertThat(strict.at("/$defs/Category/additionalProperties").asBoolean(true)).isFalse();
    var validator = SchemaValidator.of(strict);
    assertThat(
            validator.validate(
                json(
                    "{\"root\":{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":[]}]},"
                        + "\"other\":{\"name\":\"c\",\"children\":[]}}")))
        .isEmpty();
  }

  @Test
  void unresolvableReferenceIsAClearError() {
    assertThatThrownBy(
            () ->
                StrictSchemas.forOpenAiStrict(
                    (ObjectNode) json("{\"$ref\":\"#/$defs/X\",\"description\":\"d\"}")))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("#/$defs/X");
  }

  private static JsonNode json(String text) {
    return Json.parse(text, "test");
  }
}
