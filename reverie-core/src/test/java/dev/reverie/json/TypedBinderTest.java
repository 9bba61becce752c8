package dev.reverie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypedBinderTest {
  record Author(String name, String nationality) {}

  record Book(String title, Author author, List<String> genres, Integer publishedYear) {}

  enum Mood {
    HAPPY,
    @JsonProperty("so-so")
    MEH
  }

  record Everything(
      int count,
      boolean flag,
      long big,
      double ratio,
      Short small,
      BigDecimal exact,
      BigInteger huge,
      Boolean maybe,
      Mood mood,
      @JsonProperty("renamed") String original,
      Optional<String> note,
      Set<String> tags,
      int[] scores,
      String[] words,
      Map<String, Integer> counts,
      JsonValue raw,
      JsonNode node,
      Object anything,
      Collection<Double> values,
      char initial) {}

  record Node(String name, List<Node> children) {}

  record Page<T>(List<T> items, int pageNumber) {}

  record Strict(String name) {
    Strict {
      Objects.requireNonNull(name, "name");
    }
  }

  public static class Pojo {
    public String firstName;
    public Integer luckyNumber;
  }

  private static JsonValue parse(String text) {
    return JsonValue.parse(text);
  }

  private static JsonValue partial(String text) {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed(text);
    return parser.snapshot().orElseThrow();
  }

  @Test
  void missingFieldsAreNullAndPrimitivesZero() {
    Everything e = TypedBinder.of(Everything.class).bind(partial("{\"count\":"));
    assertThat(e.count()).isZero();
    assertThat(e.flag()).isFalse();
    assertThat(e.ratio()).isZero();
    assertThat(e.initial()).isEqualTo('\0');
    assertThat(e.small()).isNull();
    assertThat(e.mood()).isNull();
    assertThat(e.note()).isEmpty();
    assertThat(e.tags()).isNull();
    assertThat(e.anything()).isNull();
  }

  @Test
  void everySupportedKindBinds() {
    String text =
        "{\"count\":3,\"flag\":true,\"big\":12345678901,\"ratio\":0.5,\"small\":7,"
            + "\"exact\":1.10,\"huge\":123456789012345678901234567890,\"maybe\":false,"
            + "\"mood\":\"So-So\",\"renamed\":\"r\",\"note\":\"n\",\"tags\":[\"a\",\"b\",\"a\"],"
            + "\"scores\":[1,2,\"x\"],\"words\":[\"w\",null],\"counts\":{\"x\":1,\"y\":2.0},"
            + "\"raw\":{\"any\":[1]},\"node\":{\"n\":[true]},"
            + "\"anything\":{\"list\":[1,2.5,\"s\",null,false,12345678901234567890]},"
            + "\"values\":[1,2.5],\"initial\":\"Q\"}";
    Everything e = TypedBinder.of(Everything.class).bind(parse(text));
    assertThat(e.count()).isEqualTo(3);
    assertThat(e.flag()).isTrue();
    assertThat(e.big()).isEqualTo(12345678901L);
    assertThat(e.ratio()).isEqualTo(0.5);
    assertThat(e.small()).isEqualTo((short) 7);
    assertThat(e.exact()).isEqualByComparingTo("1.1").hasToString("1.10");
    assertThat(e.huge()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(e.maybe()).isFalse();
    assertThat(e.mood()).isEqualTo(Mood.MEH);
    assertThat(e.original()).isEqualTo("r");
    assertThat(e.note()).contains("n");
    assertThat(e.tags()).containsExactly("a", "b");
    assertThat(e.scores()).containsExactly(1, 2, 0);
    assertThat(e.words()).containsExactly("w", null);
    assertThat(e.counts()).containsExactly(Map.entry("x", 1), Map.entry("y", 2));
    assertThat(e.raw().toJson()).isEqualTo("{\"any\":[1]}");
    assertThat(e.node().toString()).isEqualTo("{\"n\":[true]}");
    assertThat(e.anything())
        .isEqualTo(
            Map.of(
                "list",
                java.util.Arrays.asList(
                    1,
                    new BigDecimal("2.5"),
                    "s",
                    null,
                    false,
                    new BigInteger("12345678901234567890"))));
    assertThat(e.values()).containsExactly(1.0, 2.5);
    assertThat(e.initial()).isEqualTo('Q');
  }

  @Test
  void valuesOfTheWrongKindBindToNull() {
    Book book =
        TypedBinder.of(Book.class)
            .bind(
                parse("{\"title\":7,\"author\":\"x\",\"genres\":{},\"published_year\":\"1954\"}"));
    assertThat(book).isEqualTo(new Book(null, null, null, null));
    Everything e =
        TypedBinder.of(Everything.class)
            .bind(
                parse(
                    "{\"count\":1.5,\"small\":70000,\"mood\":\"SAD\",\"huge\":1.5,\"initial\":\"ab\"}"));
    assertThat(e.count()).isZero();
    assertThat(e.small()).isNull();
    assertThat(e.mood()).isNull();
    assertThat(e.huge()).isNull();
    assertThat(e.initial()).isEqualTo('\0');
    assertThat(TypedBinder.of(Book.class).bind(parse("[1]"))).isNull();
    assertThat(TypedBinder.of(Integer.class).bind(parse("2e0"))).isEqualTo(2);
    assertThat(TypedBinder.of(int.class).bind(parse("\"2\""))).isEqualTo(0);
    assertThat(TypedBinder.of(BigInteger.class).bind(parse("1e999999999"))).isNull();
    assertThat(TypedBinder.of(Long.class).bind(parse("1e999999999"))).isNull();
  }

  @Test
  void incompleteStringsShowTheirTextButIncompleteEnumNamesDoNot() {
    record Mooded(Mood mood, String text) {}
    TypedBinder<Mooded> binder = TypedBinder.of(Mooded.class);
    assertThat(binder.bind(partial("{\"text\":\"hal"))).isEqualTo(new Mooded(null, "hal"));
    assertThat(binder.bind(partial("{\"mood\":\"HAPPY"))).isEqualTo(new Mooded(null, null));
    assertThat(binder.bind(partial("{\"mood\":\"happy\""))).isEqualTo(new Mooded(Mood.HAPPY, null));
  }

  @Test
  void genericAndRecursiveTypesBind() {
    TypedBinder<Page<Book>> pages = TypedBinder.of(new TypeReference<Page<Book>>() {}.getType());
    Page<Book> page = pages.bind(parse("{\"items\":[{\"title\":\"T\"}],\"page_number\":2}"));
    assertThat(page.pageNumber()).isEqualTo(2);
    assertThat(page.items()).containsExactly(new Book("T", null, null, null));

    TypedBinder<List<Book>> list = TypedBinder.of(new TypeReference<List<Book>>() {}.getType());
    assertThat(list.bind(parse("[{\"title\":\"A\"},{\"title\":\"B\"}]")))
        .extracting(Book::title)
        .containsExactly("A", "B");

    Node tree =
        TypedBinder.of(Node.class)
            .bind(parse("{\"name\":\"r\",\"children\":[{\"name\":\"c\",\"children\":[]}]}"));
    assertThat(tree).isEqualTo(new Node("r", List.of(new Node("c", List.of()))));
  }

  @Test
  void snakeCaseWithACamelCaseFallbackAndJsonPropertyNames() {
    record Names(Integer publishedYear, @JsonProperty("ISBN") String isbn, String url2Text) {}
    TypedBinder<Names> binder = TypedBinder.of(Names.class);
    assertThat(binder.bind(parse("{\"published_year\":1,\"ISBN\":\"x\",\"url2_text\":\"u\"}")))
        .isEqualTo(new Names(1, "x", "u"));
    assertThat(binder.bind(parse("{\"publishedYear\":2}"))).isEqualTo(new Names(2, null, null));
  }

  @Test
  void theJsonNameWinsOverTheJavaNameAndTheLastDuplicateWins() {
    record Names(Integer publishedYear, String title) {}
    TypedBinder<Names> binder = TypedBinder.of(Names.class);
    String doc =
        "{\"publishedYear\":1,\"published_year\":2,\"publishedYear\":3,"
            + "\"title\":\"first\",\"title\":\"last\"}";
    assertThat(binder.bind(parse(doc))).isEqualTo(new Names(2, "last"));
    // The same from the parser's open object, before and after the object closes.
    IncrementalJsonParser parser = new IncrementalJsonParser();
    parser.feed(doc.substring(0, doc.length() - 1));
    assertThat(binder.bindCurrent(parser)).isEqualTo(new Names(2, "last"));
    parser.feed("}");
    assertThat(binder.bindCurrent(parser)).isEqualTo(new Names(2, "last"));
    assertThat(binder.bind(parse("{\"publishedYear\":7,\"publishedYear\":8}")))
        .isEqualTo(new Names(8, null));
  }

  @Test
  void pojosGoThroughJacksonWithSnakeCase() {
    Pojo pojo = TypedBinder.of(Pojo.class).bind(partial("{\"first_name\":\"Ad"));
    assertThat(pojo.firstName).isEqualTo("Ad");
    assertThat(pojo.luckyNumber).isNull();
    assertThat(TypedBinder.of(Pojo.class).bind(parse("{\"lucky_number\":{}}"))).isNull();
  }

  @Test
  void jsonNodeAndJsonValueTargets() {
    assertThat(TypedBinder.of(JsonValue.class).bind(parse("[1]")).toJson()).isEqualTo("[1]");
    assertThat(TypedBinder.of(JsonObject.class).bind(parse("[1]"))).isNull();
    assertThat(TypedBinder.of(ObjectNode.class).bind(parse("[1]"))).isNull();
    assertThat(TypedBinder.of(JsonNode.class).bind(parse("{\"a\":[1,{\"b\":null}]}")).toString())
        .isEqualTo("{\"a\":[1,{\"b\":null}]}");
  }

  @Test
  void aConstructorRejectingPartialValuesGivesNullUntilComplete() {
    TypedBinder<Strict> binder = TypedBinder.of(Strict.class);
    assertThat(binder.bind(partial("{\"other\":\"x\","))).isNull();
    assertThatThrownBy(() -> binder.bind(parse("{\"other\":\"x\"}")))
        .isInstanceOf(JsonBindingException.class)
        .hasMessageContaining("Strict");
    assertThat(binder.bind(parse("{\"name\":\"x\"}"))).isEqualTo(new Strict("x"));
  }

  @Test
  void unchangedNestedRecordsAreReusedAcrossSnapshots() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    TypedBinder<Book> binder = TypedBinder.of(Book.class);
    parser.feed("{\"author\":{\"name\":\"J.R.R. Tolkien\"},\"title\":\"The");
    Book first = binder.bind(parser.snapshot().orElseThrow());
    assertThat(binder.bind(parser.snapshot().orElseThrow())).isSameAs(first);
    parser.feed(" Lord");
    Book second = binder.bind(parser.snapshot().orElseThrow());
    assertThat(second).isNotSameAs(first);
    assertThat(second.title()).isEqualTo("The Lord");
    assertThat(second.author()).isSameAs(first.author());
    parser.feed("\",\"genres\":[\"fantasy\",\"adv");
    Book third = binder.bind(parser.snapshot().orElseThrow());
    parser.feed("enture\"");
    Book fourth = binder.bind(parser.snapshot().orElseThrow());
    assertThat(fourth.author()).isSameAs(first.author());
    assertThat(third.genres()).containsExactly("fantasy", "adv");
    assertThat(fourth.genres()).containsExactly("fantasy", "adventure");
    assertThat(fourth.genres().get(0)).isSameAs(third.genres().get(0));
  }

  @Test
  void listsOfRecordsBindLazilyAndReuseFinishedElements() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    TypedBinder<List<Author>> binder =
        TypedBinder.of(new TypeReference<List<Author>>() {}.getType());
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < 100_000; i++)
      text.append(i == 0 ? "" : ",").append("{\"name\":\"a").append(i).append("\"}");
    parser.feed(text);
    List<Author> before = binder.bind(parser.snapshot().orElseThrow());
    assertThat(before).hasSize(100_000);
    Author firstAuthor = before.get(0);
    Author lastAuthor = before.get(99_999);
    parser.feed(",{\"name\":\"new");
    List<Author> after = binder.bind(parser.snapshot().orElseThrow());
    assertThat(after).hasSize(100_001);
    assertThat(after.get(0)).isSameAs(firstAuthor);
    assertThat(after.get(99_999)).isSameAs(lastAuthor);
    assertThat(after.get(100_000)).isEqualTo(new Author("new", null));
    assertThat(before).hasSize(100_000);
    List<Author> copy = new ArrayList<>(after);
    assertThat(copy).hasSize(100_001);
    assertThatThrownBy(() -> after.add(new Author("x", "y")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void boundListsMayBeReadFromAnotherThreadWhileBindingContinues() throws Exception {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    TypedBinder<List<Author>> binder =
        TypedBinder.of(new TypeReference<List<Author>>() {}.getType());
    parser.feed("[");
    List<List<Author>> handedOver = new java.util.concurrent.CopyOnWriteArrayList<>();
    var problem = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    Thread reader =
        new Thread(
            () -> {
              try {
                for (int round = 0; round < 20; round++) {
                  for (List<Author> list : handedOver) {
                    for (int i = 0; i < list.size(); i++) {
                      if (!list.get(i).name().equals("a" + i))
                        throw new AssertionError(list.get(i));
                    }
                  }
                }
              } catch (Throwable t) {
                problem.set(t);
              }
            });
    for (int i = 0; i < 300; i++) {
      parser.feed((i == 0 ? "" : ",") + "{\"name\":\"a" + i + "\"}");
      handedOver.add(binder.bind(parser.snapshot().orElseThrow()));
      if (i == 10) reader.start();
    }
    reader.join();
    assertThat(problem.get()).isNull();
    assertThat(handedOver.get(299)).hasSize(300);
  }
}
