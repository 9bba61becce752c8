package dev.reverie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DocumentGeneratorTest {
  @Test
  void isDeterministicAndJustOverTheTarget() {
    String first = DocumentGenerator.document(DocumentSize.SIZE_10K.targetChars());
    String second = DocumentGenerator.document(DocumentSize.SIZE_10K.targetChars());
    assertThat(first).isEqualTo(second);
    assertThat(first.length()).isBetween(10 * 1024, 10 * 1024 + 2_000);
  }

  @Test
  void writesSnakeCaseAsciiJsonThatReadsBackAsTheLibrary() throws Exception {
    Library library = DocumentGenerator.library(20_000);
    String json = DocumentGenerator.json(library);
    assertThat(json).contains("\"published_year\":", "\"postal_code\":", "\"founded_year\":");
    assertThat(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
    assertThat(json).doesNotContain("\\");
    assertThat(DocumentGenerator.WRITER.readValue(json, Library.class)).isEqualTo(library);
    assertThat(new ObjectMapper().readTree(json).get("books").size())
        .isEqualTo(library.books().size());
  }

  @Test
  void splitsIntoFourCharacterDeltas() {
    assertThat(Deltas.split("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
    assertThat(Deltas.split("", 4)).isEmpty();
  }
}
