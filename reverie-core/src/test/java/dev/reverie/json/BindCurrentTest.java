package dev.reverie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link TypedBinder#bindCurrent} binds from the parser's open containers; after every piece of
 * every document it must give what {@link TypedBinder#bind} gives on the snapshot.
 */
class BindCurrentTest {
  record Author(String name, String nationality, Integer birthYear) {}

  record Book(String title, Author author, List<String> genres, Integer publishedYear) {}

  record Shelf(
      String name,
      Map<String, Book> byIsbn,
      Optional<Author> curator,
      List<Book> books,
      Set<String> tags,
      int[] counts,
      JsonValue raw,
      ObjectNode node,
      Object anything,
      Book[] favourites) {}

  record Names(Integer publishedYear, @JsonProperty("ISBN") String isbn, String title) {}

  record Primitives(int count, double ratio, boolean flag, char initial, long big) {}

  record Node(String name, List<Node> children, Node next) {}

  record Strict(String name, Author author) {
    Strict {
      Objects.requireNonNull(name, "name");
    }
  }

  record Wide(String a, Integer b) {}

  record Outer(Strict inner, String tail) {}

  @Test
  void nestedRecordsListsAndNumbers() {
    check(
        Book.class,
        "{\"title\":\"The Lord of the Rings\",\"author\":{\"name\":\"J.R.R. Tolkien\","
            + "\"nationality\":\"British\",\"birth_year\":1892},\"genres\":[\"fantasy\","
            + "\"adventure\"],\"published_year\":1954}");
  }

  @Test
  void everyContainerKindInsideARecord() {
    check(
        Shelf.class,
        "{\"name\":\"Main\",\"by_isbn\":{\"1\":{\"title\":\"A\",\"author\":{\"name\":\"x\"}},"
            + "\"2\":{\"title\":\"B\"}},\"curator\":{\"name\":\"Cu\",\"birth_year\":1970},"
            + "\"books\":[{\"title\":\"C\",\"genres\":[\"g1\",\"g2\"]},{\"title\":\"D\","
            + "\"author\":{\"name\":\"y\",\"nationality\":\"z\"}}],\"tags\":[\"t1\",\"t2\"],"
            + "\"counts\":[1,2,3],\"raw\":{\"k\":[true,null,\"s\"]},\"node\":{\"n\":{\"m\":1}},"
            + "\"anything\":{\"list\":[1,\"two\",{\"three\":3.5}]},"
            + "\"favourites\":[{\"title\":\"E\"}]}");
  }

  @Test
  void fallbackNamesDuplicatesAndUnknownMembers() {
    // A member under the Java name counts only without the JSON name; the last duplicate wins.
    check(
        Names.class,
        "{\"publishedYear\":1,\"title\":\"first\",\"published_year\":2,\"publishedYear\":3,"
            + "\"other\":{\"title\":\"nested\"},\"isbn\":\"java-name\",\"ISBN\":\"json-name\","
            + "\"isbn\":\"again\",\"title\":\"last\"}");
    check(Names.class, "{\"publishedYear\":7,\"isbn\":\"only the Java name\"}");
    check(Names.class, "{\"ti\\u0074le\":\"escaped name\",\"title\":\"plain\"}");
  }

  @Test
  void objectsWithManyMoreMembersThanComponents() {
    StringBuilder doc = new StringBuilder("{");
    for (int i = 0; i < 40; i++) doc.append("\"x").append(i).append("\":").append(i).append(',');
    doc.append("\"b\":5,\"a\":\"found\",\"b\":6}");
    check(Wide.class, doc.toString());
  }

  @Test
  void primitivesAndValuesOfTheWrongKind() {
    check(
        Primitives.class,
        "{\"count\":\"not a number\",\"ratio\":2.5,\"flag\":true,\"initial\":\"q\",\"big\":1e3}");
    check(Primitives.class, "[1,2,{\"count\":3}]");
    check(Book.class, "{\"title\":12,\"author\":[\"not\",\"an\",\"object\"],\"genres\":{}}");
  }

  @Test
  void recursiveTypesAndDeepNesting() {
    StringBuilder doc = new StringBuilder();
    for (int i = 0; i < 25; i++) doc.append("{\"name\":\"n").append(i).append("\",\"next\":");
    doc.append("{\"children\":[{\"name\":\"leaf\"},{\"name\":\"leaf2\",\"children\":[]}]}");
    doc.append("}".repeat(25));
    check(Node.class, doc.toString());
  }

  @Test
  void constructorsRejectingPartialValues() {
    check(Strict.class, "{\"author\":{\"name\":\"a\"},\"name\":\"complete at last\"}");
    check(Strict.class, "{\"author\":{\"name\":\"a\"}}");
    // A finished member its type rejects fails every later partial, not only the first.
    check(Outer.class, "{\"inner\":{\"author\":{}},\"tail\":\"after the rejected member\"}");
  }

  record Empty() {}

  record Holder(Empty empty, long big, List<Empty> many) {}

  @Test
  void recordsWithoutComponentsAndWithWidePrimitives() {
    check(Holder.class, "{\"empty\":{\"ignored\":1},\"big\":9007199254740993,\"many\":[{},{}]}");
  }

  @Test
  void rootsThatAreNotRecords() {
    check(String.class, "\"a string at the root\"");
    check(Integer.class, "  1954 ");
    check(
        new TypeReference<List<Book>>() {}.getType(),
        "[{\"title\":\"A\",\"author\":{\"name\":\"x\"}},{\"title\":\"B\"}]");
    check(JsonValue.class, "{\"a\":[1,{\"b\":\"c\"}]}");
    check(new TypeReference<Map<String, Author>>() {}.getType(), "{\"k\":{\"name\":\"v\"}}");
  }

  @Test
  void finishedMembersAreBoundOnceAndReused() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    TypedBinder<Book> binder = TypedBinder.of(Book.class);
    parser.feed("{\"author\":{\"name\":\"J.R.R. Tolkien\"},\"title\":\"The");
    Book first = binder.bindCurrent(parser);
    parser.feed(" Lord");
    Book second = binder.bindCurrent(parser);
    assertThat(second.title()).isEqualTo("The Lord");
    assertThat(second.author()).isSameAs(first.author());
    // The finished author is the same object the snapshot binding hands out.
    assertThat(binder.bind(parser.snapshot().orElseThrow()).author()).isSameAs(first.author());
  }

  record Counted(String name) {
    static final java.util.concurrent.atomic.AtomicInteger MADE =
        new java.util.concurrent.atomic.AtomicInteger();

    Counted {
      MADE.incrementAndGet();
    }
  }

  record Catalogue(String name, List<Counted> items) {}

  @Test
  void theElementBeingWrittenIsBoundOnlyWhenRead() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    TypedBinder<Catalogue> binder = TypedBinder.of(Catalogue.class);
    parser.feed("{\"name\":\"c\",\"items\":[{\"name\":\"first\"},{\"name\":\"sec");
    Catalogue partial = binder.bindCurrent(parser);
    int before = Counted.MADE.get();
    parser.feed("ond");
    Catalogue next = binder.bindCurrent(parser);
    assertThat(Counted.MADE.get()).as("nothing read, nothing bound").isEqualTo(before);
    assertThat(next.items()).hasSize(2);
    assertThat(next.items().get(1)).isEqualTo(new Counted("second"));
    assertThat(next.items().get(1)).isSameAs(next.items().get(1));
    assertThat(next.items().get(0)).isSameAs(partial.items().get(0));
    // The earlier partial still shows what was written then.
    assertThat(partial.items().get(1)).isEqualTo(new Counted("sec"));
    parser.feed("\"},{\"na");
    assertThat(binder.bindCurrent(parser).items())
        .containsExactly(new Counted("first"), new Counted("second"), new Counted(null));
  }

  @Test
  void nothingToBindBeforeTheValueStarts() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed("  ");
    assertThatThrownBy(() -> TypedBinder.of(Book.class).bindCurrent(parser))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Feeds {@code doc} one char at a time, then in random pieces, comparing after each piece. */
  private static void check(Type type, String doc) {
    List<String> single = new ArrayList<>();
    for (int i = 0; i < doc.length(); i++) single.add(doc.substring(i, i + 1));
    compare(type, single, doc);
    Random random = new Random(doc.hashCode());
    for (int round = 0; round < 5; round++) {
      List<String> pieces = new ArrayList<>();
      int i = 0;
      while (i < doc.length()) {
        int end = Math.min(doc.length(), i + 1 + random.nextInt(7));
        pieces.add(doc.substring(i, end));
        i = end;
      }
      compare(type, pieces, doc);
    }
  }

  private static void compare(Type type, List<String> pieces, String doc) {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    TypedBinder<Object> current = TypedBinder.of(type);
    TypedBinder<Object> reference = TypedBinder.of(type);
    int compared = 0;
    for (int i = 0; i <= pieces.size(); i++) {
      if (i < pieces.size()) parser.feed(pieces.get(i));
      else parser.endOfInput();
      Optional<JsonValue> snapshot = parser.snapshot();
      if (snapshot.isEmpty()) continue;
      Object expected = bindOrError(() -> reference.bind(snapshot.get()));
      Object actual = bindOrError(() -> current.bindCurrent(parser));
      String where = "after " + String.join("", pieces.subList(0, Math.min(i + 1, pieces.size())));
      if (expected == null || expected instanceof Failure) {
        assertThat(actual).as(where).isEqualTo(expected);
      } else {
        assertThat(actual)
            .as(where)
            .usingRecursiveComparison()
            .withEqualsForType(Object::equals, JsonObject.class)
            .withEqualsForType(Object::equals, JsonArray.class)
            .withEqualsForType(Object::equals, JsonString.class)
            .withEqualsForType(Object::equals, JsonNumber.class)
            .withEqualsForType(Object::equals, ObjectNode.class)
            .withEqualsForType(Object::equals, ArrayNode.class)
            .isEqualTo(expected);
      }
      compared++;
    }
    assertThat(compared).as(doc).isGreaterThan(0);
    assertThat(parser.isComplete()).as(doc).isTrue();
  }

  /** A binding failure, compared by type and message. */
  private record Failure(Class<?> type, String message) {}

  private static Object bindOrError(java.util.function.Supplier<Object> bind) {
    try {
      return bind.get();
    } catch (RuntimeException e) {
      return new Failure(e.getClass(), e.getMessage());
    }
  }
}
