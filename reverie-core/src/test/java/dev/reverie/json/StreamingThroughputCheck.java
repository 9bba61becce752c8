package dev.reverie.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.internal.json.Json;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A quick timing, not a test: streams a 1 MB document in 4-character deltas, taking a snapshot and
 * binding it to records after every delta, and compares with one Jackson {@code readTree} of the
 * whole document. Run {@link #main} by hand (or enable the test); nothing here asserts on time.
 */
class StreamingThroughputCheck {
  record Author(String name, String nationality) {}

  record Book(String title, Author author, List<String> genres, Integer publishedYear) {}

  record Library(String name, List<Book> books) {}

  static String document(int targetLength) {
    StringBuilder out = new StringBuilder("{\"name\":\"The big library\",\"books\":[");
    for (int i = 0; out.length() < targetLength; i++) {
      if (i > 0) out.append(',');
      out.append("{\"title\":\"Book number ")
          .append(i)
          .append(" \\u00e9 about things\",\"author\":{\"name\":\"Author ")
          .append(i % 97)
          .append("\",\"nationality\":\"British\"},\"genres\":[\"fantasy\",\"adventure\",\"")
          .append(i % 13)
          .append("\"],\"published_year\":")
          .append(1900 + i % 120)
          .append('}');
    }
    return out.append("]}").toString();
  }

  public static void main(String[] args) throws Exception {
    String text = document(1 << 20);
    List<String> deltas = ChunkedFeeding.chunks(text, 4);
    long jackson = Long.MAX_VALUE;
    long streamed = Long.MAX_VALUE;
    long fedOnly = Long.MAX_VALUE;
    int checksum = 0;
    for (int round = 0; round < 15; round++) {
      long t0 = System.nanoTime();
      JsonNode tree = Json.MAPPER.readTree(text);
      long t1 = System.nanoTime();
      checksum += tree.size();
      jackson = Math.min(jackson, t1 - t0);

      t0 = System.nanoTime();
      IncrementalJsonParser parser = new IncrementalJsonParser();
      TypedBinder<Library> binder = TypedBinder.of(Library.class);
      for (String delta : deltas) {
        parser.feed(delta);
        JsonValue snapshot = parser.snapshot().orElseThrow();
        Library library = binder.bind(snapshot);
        List<Book> books = library.books();
        if (books != null && !books.isEmpty()) {
          Book last = books.get(books.size() - 1);
          if (last != null && last.title() != null) checksum += last.title().length();
        }
      }
      parser.endOfInput();
      t1 = System.nanoTime();
      streamed = Math.min(streamed, t1 - t0);

      t0 = System.nanoTime();
      IncrementalJsonParser plain = new IncrementalJsonParser();
      for (String delta : deltas) plain.feed(delta);
      plain.endOfInput();
      t1 = System.nanoTime();
      fedOnly = Math.min(fedOnly, t1 - t0);
      checksum += plain.snapshot().orElseThrow().hashCode() & 1;
    }
    System.out.printf(
        Locale.ROOT,
        "document %d chars, %d deltas of 4 chars (best of 15 rounds)%n"
            + "  Jackson readTree of the whole document:        %7.1f ms%n"
            + "  feed every delta, no snapshots:                %7.1f ms%n"
            + "  feed + snapshot + bind after every delta:      %7.1f ms (%.1fx Jackson)%n"
            + "  (checksum %d)%n",
        text.length(),
        deltas.size(),
        jackson / 1e6,
        fedOnly / 1e6,
        streamed / 1e6,
        (double) streamed / jackson,
        checksum);
  }

  @Test
  @Disabled("a timing to run by hand, not a test")
  void report() throws Exception {
    main(new String[0]);
  }
}
