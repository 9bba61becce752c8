package dev.reverie.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcmaRegexTest {
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ^\\d+$          | 123        | true
          ^\\d+$          | ١٢٣        | false
          ^\\w+$          | abc_1      | true
          ^\\w+$          | é          | false
          ^\\s$           | \uFEFF     | true
          ^\\s$           | \u00A0     | true
          ^[\\s]$         | \u2029     | true
          ^\\S$           | \uFEFF     | false
          ^\\p{Letter}+$  | ármány     | true
          ^\\p{Letter}+$  | a1         | false
          ^abc$           | 'abc\n'    | false
          """)
  void followsEcmaScriptSemantics(String pattern, String text, boolean matches) {
    String value = text.replace("\\n", "\n");
    assertThat(EcmaRegex.compile(pattern).matcher(value).find()).isEqualTo(matches);
  }
}
