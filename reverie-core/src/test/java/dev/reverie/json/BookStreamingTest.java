package dev.reverie.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The design notes' example: a book streaming in four characters at a time. */
class BookStreamingTest {
  record Author(String name, String nationality) {}

  record Book(String title, Author author, List<String> genres, Integer publishedYear) {}

  static final String BOOK =
      "{\"title\":\"The Lord of the Rings\",\"author\":{\"name\":\"J.R.R. Tolkien\","
          + "\"nationality\":\"British\"},\"genres\":[\"fantasy\",\"adventure\"],"
          + "\"published_year\":1954}";

  @Test
  void fieldsFillInAsTheTextArrives() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    TypedBinder<Book> binder = TypedBinder.of(Book.class);
    List<Book> partials = new ArrayList<>();
    List<JsonChange> changes = new ArrayList<>();
    for (String delta : ChunkedFeeding.chunks(BOOK, 4)) {
      List<JsonChange> step = parser.feed(delta);
      changes.addAll(step);
      if (!step.isEmpty()) partials.add(binder.bind(parser.snapshot().orElseThrow()));
    }
    changes.addAll(parser.endOfInput());
    assertThat(parser.isComplete()).isTrue();

    List<String> titles = new ArrayList<>();
    for (Book b : partials) {
      if (b.title() != null
          && (titles.isEmpty() || !titles.get(titles.size() - 1).equals(b.title()))) {
        titles.add(b.title());
      }
    }
    assertThat(titles)
        .containsExactly(
            "Th",
            "The Lo",
            "The Lord o",
            "The Lord of th",
            "The Lord of the Ri",
            "The Lord of the Rings");

    Book firstWithTitle =
        partials.stream().filter(b -> b.title() != null).findFirst().orElseThrow();
    assertThat(firstWithTitle.author()).isNull();
    assertThat(firstWithTitle.genres()).isNull();
    assertThat(firstWithTitle.publishedYear()).isNull();

    List<Integer> genreCounts = new ArrayList<>();
    for (Book b : partials) {
      if (b.genres() == null) continue;
      int n = b.genres().size();
      if (genreCounts.isEmpty() || genreCounts.get(genreCounts.size() - 1) != n) genreCounts.add(n);
      if (n > 0) assertThat("fantasy").startsWith(b.genres().get(0));
      if (n > 1) assertThat("adventure").startsWith(b.genres().get(1));
    }
    // "[\"f" arrives in one piece, so the list shows up with its first element.
    assertThat(genreCounts).containsExactly(1, 2);

    assertThat(partials.stream().map(Book::publishedYear).filter(y -> y != null).distinct())
        .containsExactly(1954);

    // Consumers offer elements one by one from the Completed changes of array elements.
    assertThat(
            changes.stream()
                .filter(c -> c instanceof JsonChange.Completed && c.path().startsWith("/genres/")))
        .extracting(c -> ((JsonChange.Completed) c).value())
        .containsExactly(JsonString.of("fantasy"), JsonString.of("adventure"));

    Book done = binder.bind(parser.snapshot().orElseThrow());
    assertThat(done)
        .isEqualTo(
            new Book(
                "The Lord of the Rings",
                new Author("J.R.R. Tolkien", "British"),
                List.of("fantasy", "adventure"),
                1954));
  }

  @Test
  void titleGrowsThroughAppendedChanges() {
    IncrementalJsonParser parser = new IncrementalJsonParser();
    List<String> titlePatches = new ArrayList<>();
    for (String delta : ChunkedFeeding.chunks(BOOK, 4)) {
      for (JsonChange change : parser.feed(delta)) {
        if (change.path().equals("/title") && !(change instanceof JsonChange.Completed)) {
          titlePatches.add(change.toPatchJson());
        }
      }
    }
    assertThat(titlePatches)
        .containsExactly(
            "{\"op\":\"add\",\"path\":\"/title\",\"value\":\"Th\"}",
            "{\"op\":\"append\",\"path\":\"/title\",\"value\":\"e Lo\"}",
            "{\"op\":\"append\",\"path\":\"/title\",\"value\":\"rd o\"}",
            "{\"op\":\"append\",\"path\":\"/title\",\"value\":\"f th\"}",
            "{\"op\":\"append\",\"path\":\"/title\",\"value\":\"e Ri\"}",
            "{\"op\":\"append\",\"path\":\"/title\",\"value\":\"ngs\"}");
  }
}
