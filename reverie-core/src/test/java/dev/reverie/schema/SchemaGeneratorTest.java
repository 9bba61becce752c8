package dev.reverie.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaGeneratorTest {
  record Author(
      @Description("Author's name") String name,
      @Description("Author's nationality") String nationality) {}

  record Book(
      @Description("The book title") String title,
      Author author,
      @Description("List of genres") List<String> genres,
      @Description("Year the book was published") Integer publishedYear) {}

  record Person(
      @Description("The person's name") String name,
      @Description("The person's age") int age,
      @Description("The city where the person lives") String city) {}

  /**
   * The Book schema recorded in TestOpenAIObjectGeneration/openai-o4-mini/complex_object_streaming.
   */
  static final String RECORDED_BOOK_SCHEMA =
      """
      {"additionalProperties":false,"properties":{"author":{"additionalProperties":false,\
      "properties":{"name":{"description":"Author's name","type":"string"},"nationality":\
      {"description":"Author's nationality","type":"string"}},"required":["name","nationality"],\
      "type":"object"},"genres":{"description":"List of genres","items":{"type":"string"},\
      "type":"array"},"published_year":{"description":"Year the book was published","type":\
      "integer"},"title":{"description":"The book title","type":"string"}},"required":["title",\
      "author","genres","published_year"],"type":"object"}\
      """;

  /** The Person schema of REFERENCE §3.2 as OpenAI strict mode receives it. */
  static final String RECORDED_PERSON_SCHEMA =
      """
      {"type":"object","properties":{"name":{"type":"string","description":"The person's name"},\
      "age":{"type":"integer","description":"The person's age"},"city":{"type":"string",\
      "description":"The city where the person lives"}},"required":["name","age","city"],\
      "additionalProperties":false}\
      """;

  static ObjectNode withoutAdditionalPropertiesFalse(String json) {
    ObjectNode node = (ObjectNode) Json.parse(json, "schema");
    strip(node);
    return node;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode additional = object.get("additionalProperties");
      if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        object.remove("additionalProperties");
      }
    }
    node.forEach(SchemaGeneratorTest::strip);
  }

  @Test
  void bookSchemaEqualsTheRecordedOneWithoutAdditionalProperties() {
    assertThat(SchemaGenerator.schemaFor(Book.class))
        .isEqualTo(withoutAdditionalPropertiesFalse(RECORDED_BOOK_SCHEMA));
  }

  @Test
  void personSchemaEqualsTheRecordedOneWithoutAdditionalProperties() {
    assertThat(SchemaGenerator.schemaFor(Person.class))
        .isEqualTo(withoutAdditionalPropertiesFalse(RECORDED_PERSON_SCHEMA));
  }

  @Test
  void propertiesFollowDeclarationOrder() {
    var names = SchemaGenerator.schemaFor(Book.class).get("properties").fieldNames();
    assertThat(names).toIterable().containsExactly("title", "author", "genres", "published_year");
  }

  @Test
  void returnsAFreshCopyEachTime() {
    SchemaGenerator.schemaFor(Person.class).put("mutated", true);
    assertThat(SchemaGenerator.schemaFor(Person.class).has("mutated")).isFalse();
  }

  enum Mood {
    HAPPY,
    @JsonProperty("so-so")
    MEH
  }

  @Description("A bag of every supported kind of value")
  record Everything(
      String text,
      char letter,
      byte tiny,
      short small,
      long big,
      BigInteger huge,
      double real,
      Float single,
      BigDecimal exact,
      boolean flag,
      Mood mood,
      Set<Integer> numbers,
      String[] words,
      Map<String, Double> scores,
      UUID id,
      JsonNode anything,
      byte[] blob) {}

  @Test
  void mapsEveryKindOfValue() {
    ObjectNode schema = SchemaGenerator.schemaFor(Everything.class);
    JsonNode p = schema.get("properties");
    assertThat(schema.get("description").asText())
        .isEqualTo("A bag of every supported kind of value");
    assertThat(p.get("text")).isEqualTo(json("{\"type\":\"string\"}"));
    assertThat(p.get("letter")).isEqualTo(json("{\"type\":\"string\"}"));
    assertThat(p.get("tiny")).isEqualTo(json("{\"type\":\"integer\"}"));
    assertThat(p.get("small")).isEqualTo(json("{\"type\":\"integer\"}"));
    assertThat(p.get("big")).isEqualTo(json("{\"type\":\"integer\"}"));
    assertThat(p.get("huge")).isEqualTo(json("{\"type\":\"integer\"}"));
    assertThat(p.get("real")).isEqualTo(json("{\"type\":\"number\"}"));
    assertThat(p.get("single")).isEqualTo(json("{\"type\":\"number\"}"));
    assertThat(p.get("exact")).isEqualTo(json("{\"type\":\"number\"}"));
    assertThat(p.get("flag")).isEqualTo(json("{\"type\":\"boolean\"}"));
    assertThat(p.get("mood"))
        .isEqualTo(json("{\"type\":\"string\",\"enum\":[\"HAPPY\",\"so-so\"]}"));
    assertThat(p.get("numbers"))
        .isEqualTo(json("{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}"));
    assertThat(p.get("words"))
        .isEqualTo(json("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
    assertThat(p.get("scores"))
        .isEqualTo(json("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\"}}"));
    assertThat(p.get("id")).isEqualTo(json("{\"type\":\"string\"}"));
    assertThat(p.get("anything")).isEqualTo(json("{}"));
    assertThat(p.get("blob")).isEqualTo(json("{\"type\":\"string\"}"));
    assertThat(schema.get("required")).hasSize(17);
    assertThat(schema.has("$schema")).isFalse();
    assertThat(schema.has("$defs")).isFalse();
  }

  record Renamed(
      @JsonProperty("ISBN") String isbn,
      @JsonProperty(isRequired = OptBoolean.FALSE) String subtitle,
      @JsonIgnore String internalNote,
      String camelCaseName) {}

  @Test
  void jsonPropertyRenamesAndMakesOptionalAndJsonIgnoreHides() {
    ObjectNode schema = SchemaGenerator.schemaFor(Renamed.class);
    assertThat(schema.get("properties").fieldNames())
        .toIterable()
        .containsExactly("ISBN", "subtitle", "camel_case_name");
    assertThat(schema.get("required")).isEqualTo(json("[\"ISBN\",\"camel_case_name\"]"));
  }

  static class Pojo {
    private String firstName;
    public int score;
    static String ignoredStatic;
    transient String ignoredTransient;

    public String getFirstName() {
      return firstName;
    }
  }

  @Test
  void pojoFieldsBecomeProperties() {
    assertThat(SchemaGenerator.schemaFor(Pojo.class))
        .isEqualTo(
            json(
                """
                {"type":"object","properties":{"first_name":{"type":"string"},\
                "score":{"type":"integer"}},"required":["first_name","score"]}\
                """));
  }

  record Shelf(Author first, Author second, List<Book> books) {}

  @Test
  void typesUsedTwiceAreStillInlined() {
    ObjectNode schema = SchemaGenerator.schemaFor(Shelf.class);
    assertThat(schema.toString()).doesNotContain("$ref").doesNotContain("$defs");
    assertThat(schema.at("/properties/second/properties/name/type").asText()).isEqualTo("string");
    assertThat(schema.at("/properties/books/items/properties/author/required"))
        .isEqualTo(json("[\"name\",\"nationality\"]"));
  }

  record Category(String name, @Description("Child categories") List<Category> children) {}

  record Tree(@Description("The root category") Category root, Category other) {}

  @Test
  void recursiveTypesUseDefinitions() {
    ObjectNode schema = SchemaGenerator.schemaFor(Tree.class);
    assertThat(schema.at("/properties/root/$ref").asText()).isEqualTo("#/$defs/Category");
    assertThat(schema.at("/properties/root/description").asText()).isEqualTo("The root category");
    assertThat(schema.at("/$defs/Category/properties/children/items/$ref").asText())
        .isEqualTo("#/$defs/Category");
    assertThat(schema.get("$defs")).hasSize(1);
  }

  @Test
  void aTypeContainingItselfAtTheTopRefersToTheRoot() {
    ObjectNode schema = SchemaGenerator.schemaFor(Category.class);
    assertThat(schema.at("/properties/children/items/$ref").asText()).isEqualTo("#");
    assertThat(schema.has("$defs")).isFalse();
  }

  @Test
  void parameterizedTypes() {
    ObjectNode schema = SchemaGenerator.schemaFor(new TypeReference<List<Person>>() {}.getType());
    assertThat(schema.get("type").asText()).isEqualTo("array");
    assertThat(schema.at("/items/properties/age/type").asText()).isEqualTo("integer");
  }

  @Description("A writer")
  record Writer(String name) {}

  record Article(
      @Description("Who wrote it") Writer writer, Writer editor, @Description("Tone") Mood mood) {}

  @Test
  void propertyDescriptionsOverrideTypeDescriptions() {
    ObjectNode schema = SchemaGenerator.schemaFor(Article.class);
    assertThat(schema.at("/properties/writer/description").asText()).isEqualTo("Who wrote it");
    assertThat(schema.at("/properties/editor/description").asText()).isEqualTo("A writer");
    assertThat(schema.at("/properties/mood"))
        .isEqualTo(
            json("{\"type\":\"string\",\"enum\":[\"HAPPY\",\"so-so\"],\"description\":\"Tone\"}"));
  }

  @Test
  void propertyNamesMatchJacksonSnakeCase() throws Exception {
    assertThat(SchemaGenerator.propertyName(Book.class.getDeclaredField("publishedYear")))
        .isEqualTo("published_year");
    assertThat(SchemaGenerator.propertyName(Renamed.class.getDeclaredField("isbn")))
        .isEqualTo("ISBN");
    var mapper =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .propertyNamingStrategy(
                com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .build();
    JsonNode written = mapper.valueToTree(new Book("t", new Author("n", "x"), List.of("g"), 1954));
    assertThat(written.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrderElementsOf(
            () -> SchemaGenerator.schemaFor(Book.class).get("properties").fieldNames());
  }

  private static JsonNode json(String text) {
    return Json.parse(text, "test");
  }
}
