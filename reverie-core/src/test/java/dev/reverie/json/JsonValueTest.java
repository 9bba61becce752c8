package dev.reverie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.internal.json.Json;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

  @Test
  void compactTextMatchesJacksonsForStringsIntegersAndLiterals() throws Exception {
    for (String document :
        List.of(
            "{\"a\":\"tab\\there\\u0001\\u001f \\\"q\\\" \\\\ / é"
                + " 😀\",\"b\":[1,-2,true,false,null]}",
            "[\"\\b\\f\\n\\r\\t\",{},[],{\"\":[{}]}]",
            "\"just a string\"",
            "12345678901234567890123")) {
      String jackson = Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(document));
      assertThat(JsonValue.parse(document).toJson()).isEqualTo(jackson);
    }
    assertThat(JsonValue.parse("[1.50,1E+2,-0.0]").toJson()).isEqualTo("[1.50,1E+2,-0.0]");
  }

  @Test
  void equalityIsByValueAndCompleteness() {
    JsonValue a = JsonValue.parse("{\"x\":[1,{\"y\":\"z\"}],\"n\":1.0}");
    JsonValue b = JsonValue.parse("{\"x\":[1,{\"y\":\"z\"}],\"n\":1}");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(JsonValue.parse("{\"n\":1,\"x\":[1,{\"y\":\"z\"}]}"));
    assertThat(a).isNotEqualTo(JsonValue.parse("{\"x\":[1,{\"y\":\"zz\"}],\"n\":1}"));
    assertThat(JsonString.partial("a")).isNotEqualTo(JsonString.of("a"));
    assertThat(JsonString.of("a"))
        .isEqualTo(JsonString.of("a"))
        .hasSameHashCodeAs(JsonString.of("a"));
    assertThat(JsonNumber.of("1e2"))
        .isEqualTo(JsonNumber.of(100))
        .hasSameHashCodeAs(JsonNumber.of(100));
    assertThat(JsonNumber.of("0.10")).hasSameHashCodeAs(JsonNumber.of("1e-1"));
    assertThat(JsonNumber.of("-0"))
        .isEqualTo(JsonNumber.of("0.0"))
        .hasSameHashCodeAs(JsonNumber.of(0));

    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed("{\"x\":[1,{\"y\":\"z\"}],\"n\":1");
    JsonValue partial = parser.snapshot().orElseThrow();
    assertThat(partial).isNotEqualTo(a);
    assertThat(partial.toJson()).isEqualTo("{\"x\":[1,{\"y\":\"z\"}]}");
  }

  @Test
  void objectsKeepMembersInOrderAndTheLastDuplicateWins() {
    JsonObject object = (JsonObject) JsonValue.parse("{\"b\":1,\"a\":2,\"b\":3}");
    assertThat(object.size()).isEqualTo(3);
    assertThat(object.names()).containsExactly("b", "a", "b");
    assertThat(object.members())
        .containsExactly(
            new JsonMember("b", JsonNumber.of(1)),
            new JsonMember("a", JsonNumber.of(2)),
            new JsonMember("b", JsonNumber.of(3)));
    assertThat(object.get("b")).contains(JsonNumber.of(3));
    assertThat(object.get("c")).isEmpty();
    assertThat(object.has("a")).isTrue();
    assertThat(object.toJsonNode().toString()).isEqualTo("{\"b\":3,\"a\":2}");
    assertThatThrownBy(() -> object.names().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> object.nameAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void builtValuesBehaveLikeParsedOnes() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("list", JsonArray.of(JsonNumber.of(1), JsonString.of("two"), JsonNull.INSTANCE));
    members.put("flag", JsonBoolean.of(true));
    members.put("ratio", JsonNumber.of(new BigDecimal("0.25")));
    JsonObject built = JsonObject.of(members);
    JsonValue parsed = JsonValue.parse("{\"list\":[1,\"two\",null],\"flag\":true,\"ratio\":0.25}");
    assertThat(built).isEqualTo(parsed).hasSameHashCodeAs(parsed);
    assertThat(built.complete()).isTrue();
    assertThat(JsonValue.fromJsonNode(parsed.toJsonNode())).isEqualTo(parsed);
    assertThat(JsonValue.fromJsonNode(null)).isSameAs(JsonNull.INSTANCE);
    JsonArray list = (JsonArray) built.get("list").orElseThrow();
    assertThat(list.elements()).hasSize(3).element(1).isEqualTo(JsonString.of("two"));
    assertThatThrownBy(() -> list.elements().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> list.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void pointersResolveAgainstAValue() {
    JsonValue value = JsonValue.parse("{\"a/b\":{\"c~d\":[10,20]},\"\":1,\"list\":[[0],[1,2]]}");
    assertThat(value.at("")).contains(value);
    assertThat(value.at("/a~1b/c~0d/1")).contains(JsonNumber.of(20));
    assertThat(value.at("/")).contains(JsonNumber.of(1));
    assertThat(value.at("/list/1/0")).contains(JsonNumber.of(1));
    assertThat(value.at("/list/01")).isEmpty();
    assertThat(value.at("/list/-")).isEmpty();
    assertThat(value.at("/list/2")).isEmpty();
    assertThat(value.at("list")).isEmpty();
    assertThat(value.at("/a~1b/c~0d/1/deeper")).isEmpty();
    assertThat(JsonPointer.escape("a/b~c")).isEqualTo("a~1b~0c");
    assertThat(JsonPointer.unescape("a~1b~0c")).isEqualTo("a/b~c");
    assertThat(JsonPointer.child("/x", "y/z")).isEqualTo("/x/y~1z");
  }

  @Test
  void numbersKeepTheirTextAndConvertExactly() {
    JsonNumber integral = JsonNumber.of("-9223372036854775808");
    assertThat(integral.isIntegral()).isTrue();
    assertThat(integral.longValue()).isEqualTo(Long.MIN_VALUE);
    JsonNumber tooBig = JsonNumber.of("9223372036854775808");
    assertThat(tooBig.fitsInLong()).isFalse();
    assertThatThrownBy(tooBig::longValue).isInstanceOf(ArithmeticException.class);
    JsonNumber fraction = JsonNumber.of("2.50");
    assertThat(fraction.isIntegral()).isFalse();
    assertThat(fraction.bigDecimal()).isEqualTo(new BigDecimal("2.50"));
    assertThat(fraction.doubleValue()).isEqualTo(2.5);
    assertThat(fraction.fitsInLong()).isFalse();
    assertThat(JsonNumber.of("2.0").longValue()).isEqualTo(2);
    assertThat(JsonNumber.of(1.5).text()).isEqualTo("1.5");
    for (String bad : List.of("01", " 1", "1.", "+1", ".5", "1e", "-", "NaN", "1 2", "\"1\"")) {
      assertThatThrownBy(() -> JsonNumber.of(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> JsonNumber.of(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(JsonValue.parse("[1,2147483648,1.5]").toJsonNode().toString())
        .isEqualTo("[1,2147483648,1.5]");
  }

  @Test
  void readLimitsAreValidated() {
    assertThat(JsonReadLimits.DEFAULT.maxDepth()).isEqualTo(1000);
    assertThat(JsonReadLimits.DEFAULT.maxStringLength()).isEqualTo(16 * 1024 * 1024);
    assertThat(JsonReadLimits.DEFAULT.maxDocumentLength()).isEqualTo(64L * 1024 * 1024);
    assertThat(new JsonReadLimits(5, 6, 7).maxNumberLength()).isEqualTo(1000);
    assertThatThrownBy(() -> new JsonReadLimits(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsonReadLimits(1, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsonReadLimits(1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parseRefusesUnfinishedText() {
    assertThatThrownBy(() -> JsonValue.parse("{\"a\":1"))
        .isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("end of input");
    assertThatThrownBy(() -> JsonValue.parse("")).isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void kindsAndPredicates() {
    JsonValue value = JsonValue.parse("[{},[],\"s\",1,true,null]");
    JsonArray array = (JsonArray) value;
    assertThat(array.elements())
        .extracting(JsonValue::kind)
        .containsExactly(
            JsonKind.OBJECT,
            JsonKind.ARRAY,
            JsonKind.STRING,
            JsonKind.NUMBER,
            JsonKind.BOOLEAN,
            JsonKind.NULL);
    assertThat(array.get(0).isObject()).isTrue();
    assertThat(array.get(1).isArray()).isTrue();
    assertThat(array.get(2).isString()).isTrue();
    assertThat(array.get(3).isNumber()).isTrue();
    assertThat(array.get(4).isBoolean()).isTrue();
    assertThat(array.get(5).isNull()).isTrue();
    assertThat(value.toString()).isEqualTo("[{},[],\"s\",1,true,null]");
  }
}
