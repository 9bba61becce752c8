package dev.reverie.cassette.conformance;

import static dev.reverie.cassette.conformance.Expect.expect;
import static dev.reverie.cassette.conformance.Expect.expectNotBlank;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectEvent;
import dev.reverie.ObjectResult;
import dev.reverie.ObjectSchema;
import dev.reverie.ObjectStream;
import dev.reverie.Prompt;
import dev.reverie.json.JsonValue;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The object scenarios (REFERENCE.md §3.2): a {@code Person} and a {@code Book} through the model's
 * object generation, generated or streamed, with a schema given as JSON.
 */
final class ObjectScenarios {
  private static final int MAX_OUTPUT_TOKENS = 4000;

  private static final String PERSON_PROMPT =
      "Generate information about a person named Alice who is 30 years old and lives in Paris.";
  private static final String PERSON_SCHEMA =
      """
      {"type": "object",
       "properties": {
         "name": {"type": "string", "description": "The person's name"},
         "age": {"type": "integer", "description": "The person's age"},
         "city": {"type": "string", "description": "The city where the person lives"}},
       "required": ["name", "age", "city"]}
      """;

  private static final String BOOK_PROMPT =
      "Generate information about 'The Lord of the Rings' book by J.R.R. Tolkien, including"
          + " genres like fantasy and adventure, and its publication year (1954).";
  private static final String BOOK_SCHEMA =
      """
      {"type": "object",
       "properties": {
         "title": {"type": "string", "description": "The book title"},
         "author": {"type": "object",
                    "properties": {
                      "name": {"type": "string", "description": "Author's name"},
                      "nationality": {"type": "string", "description": "Author's nationality"}},
                    "required": ["name", "nationality"]},
         "genres": {"type": "array", "items": {"type": "string"}, "description": "List of genres"},
         "published_year": {"type": "integer", "description": "Year the book was published"}},
       "required": ["title", "author", "genres", "published_year"]}
      """;

  private ObjectScenarios() {}

  /** {@code simple_object}: Alice, 30, Paris. */
  static void simpleObject(ScenarioContext context, boolean streaming) {
    ObjectCall<JsonValue> call =
        objectCall(
            context,
            PERSON_PROMPT,
            ObjectSchema.json(ScenarioJson.object(PERSON_SCHEMA))
                .named("Person")
                .describedAs("A person with name, age, and city"));
    if (streaming) stream(context, call, ObjectScenarios::expectPerson);
    else generate(context, call, ObjectScenarios::expectPerson);
  }

  /** {@code complex_object}: The Lord of the Rings, with its author, genres and year. */
  static void complexObject(ScenarioContext context, boolean streaming) {
    ObjectCall<JsonValue> call =
        objectCall(
            context,
            BOOK_PROMPT,
            ObjectSchema.json(ScenarioJson.object(BOOK_SCHEMA))
                .named("Book")
                .describedAs("A book with title, author, genres, and publication year"));
    if (streaming) stream(context, call, ObjectScenarios::expectBook);
    else generate(context, call, ObjectScenarios::expectBook);
  }

  private static ObjectCall<JsonValue> objectCall(
      ScenarioContext context, String prompt, ObjectSchema<JsonValue> schema) {
    return ObjectCall.of(
        Call.builder(Prompt.user(prompt))
            .maxOutputTokens(MAX_OUTPUT_TOKENS)
            .providerOptions(context.suiteOptions())
            .build(),
        schema);
  }

  private static void generate(
      ScenarioContext context, ObjectCall<JsonValue> call, Consumer<JsonNode> expectObject) {
    ObjectResult<JsonValue> result = context.model().generateObject(call);
    expectNotBlank("the raw text", result.rawText());
    expect(result.usage().totalTokens() > 0, "expected total tokens > 0");
    expectObject.accept(result.tree().toJsonNode());
  }

  private static void stream(
      ScenarioContext context, ObjectCall<JsonValue> call, Consumer<JsonNode> expectObject) {
    try (ObjectStream<JsonValue> stream = context.model().streamObject(call)) {
      int partials = 0;
      for (ObjectEvent<JsonValue> event : stream.events()) {
        if (event instanceof ObjectEvent.Partial<JsonValue>) partials++;
      }
      ObjectResult<JsonValue> result = stream.result();
      expect(partials > 0, "expected at least one partial object");
      expect(result.finishReason() != FinishReason.UNKNOWN, "expected a finish reason");
      expect(result.usage().totalTokens() > 0, "expected total tokens > 0");
      expectObject.accept(result.tree().toJsonNode());
    }
  }

  private static void expectPerson(JsonNode person) {
    expect(person.isObject(), "expected an object, got " + person);
    expectNonEmptyString(person, "name");
    expect(
        person.path("age").isNumber() && person.path("age").asDouble() > 0,
        "expected age to be a number > 0, got " + person.path("age"));
    expectNonEmptyString(person, "city");
  }

  private static void expectBook(JsonNode book) {
    expect(book.isObject(), "expected an object, got " + book);
    expect(
        book.path("title").asText("").toLowerCase(Locale.ROOT).contains("rings"),
        "expected the title to contain \"rings\", got " + book.path("title"));
    JsonNode author = book.path("author");
    expect(author.isObject(), "expected author to be an object, got " + author);
    expect(
        author.path("name").isTextual() && author.path("nationality").isTextual(),
        "expected the author's name and nationality, got " + author);
    JsonNode genres = book.path("genres");
    expect(genres.isArray() && !genres.isEmpty(), "expected genres, got " + genres);
    for (JsonNode genre : genres) {
      expect(genre.isTextual(), "expected every genre to be a string, got " + genre);
    }
    JsonNode year = book.path("published_year");
    expect(
        year.isNumber() && year.asDouble() > 1900,
        "expected published_year to be a number > 1900, got " + year);
  }

  private static void expectNonEmptyString(JsonNode object, String field) {
    JsonNode value = object.path(field);
    expect(
        value.isTextual() && !value.asText().isEmpty(),
        "expected " + field + " to be a non-empty string, got " + value);
  }
}
