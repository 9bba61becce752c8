package dev.reverie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PartialJsonCloserTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyPrefixOfATrickyDocumentClosesToValidJson() throws Exception {
    String document =
        "{\"a\" : [1, -2.5e+3, true, false, null, \"x\\\"y\\u00e9\\\\\"], \"b\":{\"c\":{}},"
            + " \"d\":[[],[{}]], \"e\":\"\", \"f\":0}";
    JsonNode full = MAPPER.readTree(document);
    for (int end = 1; end <= document.length(); end++) {
      String prefix = document.substring(0, end);
      var closed = PartialJsonCloser.close(prefix);
      assertThat(closed).as("prefix %s", prefix).isPresent();
      JsonNode tree = MAPPER.readTree(closed.get());
      assertThat(tree.isObject()).as("prefix %s -> %s", prefix, closed.get()).isTrue();
    }
    assertThat(MAPPER.readTree(PartialJsonCloser.close(document).orElseThrow())).isEqualTo(full);
  }

  @Test
  void everyPrefixOfTheBenchDocumentClosesToValidJson() throws Exception {
    String document = DocumentGenerator.document(2_000);
    for (int end = 1; end <= document.length(); end++) {
      assertThat(ReparsingPartialParser.parsePrefix(document.substring(0, end)))
          .as("prefix of %d chars", end)
          .isNotNull();
    }
  }

  @Test
  void closesWhatIsOpenAndCompletesHalfWrittenValues() {
    assertThat(PartialJsonCloser.close("")).isEmpty();
    assertThat(PartialJsonCloser.close("  ")).isEmpty();
    assertThat(PartialJsonCloser.close("{\"title\":\"The Lo")).contains("{\"title\":\"The Lo\"}");
    assertThat(PartialJsonCloser.close("{\"tit")).contains("{\"tit\":null}");
    assertThat(PartialJsonCloser.close("{\"title\"")).contains("{\"title\":null}");
    assertThat(PartialJsonCloser.close("{\"title\":")).contains("{\"title\":null}");
    assertThat(PartialJsonCloser.close("{\"ok\":tr")).contains("{\"ok\":true}");
    assertThat(PartialJsonCloser.close("{\"n\":12.")).contains("{\"n\":12}");
    assertThat(PartialJsonCloser.close("[1,")).contains("[1]");
    assertThat(PartialJsonCloser.close("[-")).contains("[]");
    assertThat(PartialJsonCloser.close("{\"s\":\"a\\")).contains("{\"s\":\"a\"}");
    assertThat(PartialJsonCloser.close("{\"s\":\"a\\u00")).contains("{\"s\":\"a\"}");
  }
}
