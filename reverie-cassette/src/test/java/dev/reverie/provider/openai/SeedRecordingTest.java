package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.Call;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectResult;
import dev.reverie.ObjectSchema;
import dev.reverie.Prompt;
import dev.reverie.cassette.Cassette;
import dev.reverie.cassette.ReplayTransport;
import dev.reverie.schema.Description;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed recording (o4-mini streaming a Book) through the real OpenAI provider: the request
 * equals the recorded one, the partials grow as the issue demands, and the recorded body split at
 * every byte offset gives the same result.
 */
class SeedRecordingTest {
  static final Path SEED =
      Path.of(
          "src/test/resources/cassettes/TestOpenAIObjectGeneration/openai-o4-mini/complex_object_streaming.yaml");
  static final String PROMPT =
      "Generate information about 'The Lord of the Rings' book by J.R.R. Tolkien, including genres"
          + " like fantasy and adventure, and its publication year (1954).";

  @Description("A book with title, author, genres, and publication year")
  record Book(
      @Description("The book title") String title,
      Author author,
      @Description("List of genres") List<String> genres,
      @Description("Year the book was published") Integer publishedYear) {}

  record Author(
      @Description("Author's name") String name,
      @Description("Author's nationality") String nationality) {}

  static ObjectCall<Book> request() {
    return ObjectCall.of(
        Call.builder(Prompt.user(PROMPT)).maxOutputTokens(4000).build(),
        ObjectSchema.of(Book.class));
  }

  record Run(List<Book> partials, ObjectResult<Book> result) {}

  static Run run(Transport transport) {
    var model =
        OpenAi.builder().apiKey("dummy").transport(transport).build().languageModel("o4-mini");
    var partials = new ArrayList<Book>();
    try (var stream = model.streamObject(request())) {
      for (Book b : stream.partials()) partials.add(b);
      return new Run(partials, stream.result());
    }
  }

  @Test
  void theSeedStreamsABookThatFillsIn() {
    var replay = new ReplayTransport(Cassette.load(SEED));
    Run run = run(replay);

    assertThat(replay.allUsed()).isTrue();
    assertThat(replay.checks()).allSatisfy(check -> assertThat(check.matched()).isTrue());

    var titles =
        run.partials().stream().map(Book::title).filter(t -> t != null).distinct().toList();
    assertThat(titles).contains("The", "The Lord").last().isEqualTo("The Lord of the Rings");
    var genreSizes =
        run.partials().stream()
            .map(Book::genres)
            .filter(g -> g != null)
            .map(List::size)
            .distinct()
            .toList();
    assertThat(genreSizes).containsExactly(1, 2);
    assertThat(run.partials())
        .map(Book::publishedYear)
        .filteredOn(y -> y != null)
        .containsOnly(1954);

    Book book = run.result().object();
    assertThat(book.publishedYear()).isEqualTo(1954);
    assertThat(
            run.result().tree().at("/published_year").orElseThrow().toJsonNode().isIntegralNumber())
        .isTrue();
    assertThat(book.author()).isEqualTo(new Author("J.R.R. Tolkien", "British"));
    assertThat(run.result().usage().totalTokens()).isEqualTo(345);
    assertThat(run.result().usage().reasoningTokens()).isEqualTo(128);
  }

  @Test
  void theRecordedBodySplitAtEveryOffsetGivesTheSameStream() {
    Cassette cassette = Cassette.load(SEED);
    byte[] body = cassette.interactions().get(0).response().body();
    Run expected = run(new ReplayTransport(cassette));
    for (int offset = 1; offset < body.length; offset++) {
      Run split = run(new SplitBodyTransport(new ReplayTransport(cassette), offset));
      assertThat(split.partials()).as("split at byte %d", offset).isEqualTo(expected.partials());
      assertThat(split.result().object()).isEqualTo(expected.result().object());
    }
  }

  /** Re-delivers the replayed body in two reads, split at a byte offset. */
  static final class SplitBodyTransport implements Transport {
    private final Transport inner;
    private final int offset;

    SplitBodyTransport(Transport inner, int offset) {
      this.inner = inner;
      this.offset = offset;
    }

    @Override
    public HttpResponse send(HttpRequest request) {
      HttpResponse response = inner.send(request);
      byte[] bytes;
      try {
        bytes = response.body().readAllBytes();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      InputStream body =
          new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
              if (pos < offset) len = Math.min(len, offset - pos);
              return super.read(b, off, len);
            }
          };
      return new HttpResponse() {
        @Override
        public int status() {
          return response.status();
        }

        @Override
        public HttpHeaders headers() {
          return response.headers();
        }

        @Override
        public InputStream body() {
          return body;
        }

        @Override
        public void close() {
          response.close();
        }
      };
    }
  }
}
