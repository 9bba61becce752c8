package dev.reverie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReparsingPartialParserTest {
  @Test
  void emitsOnlyChangedTreesAndEndsWithTheDocument() throws Exception {
    String document = DocumentGenerator.document(3_000);
    var parser = new ReparsingPartialParser();
    int emitted = 0;
    Object last = null;
    for (String delta : Deltas.split(document, Deltas.WIDTH)) {
      var tree = parser.feed(delta);
      if (tree.isPresent()) {
        assertThat(tree.get()).isNotEqualTo(last);
        last = tree.get();
        emitted++;
      }
    }
    assertThat(emitted).isPositive();
    assertThat(last).isEqualTo(new ObjectMapper().readTree(document));
  }
}
