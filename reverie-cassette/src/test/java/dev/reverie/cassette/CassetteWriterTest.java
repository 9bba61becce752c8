package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.transport.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever text a cassette holds, writing it and reading it back gives the same text. */
class CassetteWriterTest {
  private static Interaction interaction(String text, List<String> headerValues) {
    return new Interaction(
        0,
        new RecordedRequest("POST", "https://x.example/a?b=c", HttpHeaders.EMPTY, text),
        new RecordedResponse(
            200,
            "200 OK",
            HttpHeaders.of(Map.of("X-Values", headerValues)),
            text.getBytes(StandardCharsets.UTF_8),
            -1,
            "1.5s"));
  }

  private static void assertRoundTrip(String text) {
    Interaction original = interaction(text, List.of(text));
    String yaml = Cassette.of(List.of(original)).toYaml();
    Cassette reread =
        Cassette.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "written");
    assertThat(reread.interactions()).as("YAML:%n%s", yaml).containsExactly(original);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "plain",
        "true",
        "null",
        "~",
        "123",
        "-1.5e3",
        "0x1F",
        "2024-01-02",
        "12:30",
        "a: b",
        "a:",
        "a #b",
        "#comment",
        "- item",
        "? key",
        "'quoted'",
        "\"double\"",
        "back\\slash",
        "[flow]",
        "{flow: map}",
        "&anchor",
        "*alias",
        "!tag",
        "%directive",
        "@at",
        "`tick",
        "trailing space ",
        " leading space",
        "tab\there",
        "\ttab first",
        "line\nbreak",
        "ends with newline\n",
        "two newlines\n\n",
        "\n",
        "\n\n\n",
        "\nleading newline",
        "  indented\nfirst line",
        "\n  indented after empty line\n",
        "crlf\r\nbody\r\n",
        "lone\rcarriage",
        "nul\u0000char",
        "bell\u0007",
        "del\u007f",
        "nel\u0085line",
        "ls\u2028ps\u2029",
        "bom\ufeffinside",
        "\ufeffbom first",
        "caf\u00e9 \ud83d\ude00 \u4e2d\u6587",
        "emoji\n\ud83d\ude00\n",
        "---\ndocument marker",
        "...\nend marker",
        "data: {\"a\":1}\n\ndata: [DONE]\n\n",
        "  \n  \n",
        "x\n \n",
      })
  void trickyTextSurvivesARoundTrip(String text) {
    assertRoundTrip(text);
  }

  @Test
  void randomTextSurvivesARoundTrip() {
    String alphabet = "ab :#-'\"\\\n\r\t\u0000\u00e9\ud83d\ude00{}[],&*!|>%@`?\u2028\u0085";
    var random = new Random(42);
    for (int i = 0; i < 3000; i++) {
      var text = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        if (Character.isHighSurrogate(c)) {
          text.append("\ud83d\ude00");
        } else if (!Character.isLowSurrogate(c)) {
          text.append(c);
        }
      }
      assertRoundTrip(text.toString());
    }
  }

  @Test
  void multiLineTextIsALiteralBlockAndOneLineJsonIsSingleQuoted() {
    String yaml =
        Cassette.of(List.of(interaction("data: x\n\n", List.of("text/event-stream")))).toYaml();
    assertThat(yaml).contains("    body: |+\n      data: x\n\n    headers:");
    String json = Cassette.of(List.of(interaction("{\"a\":\"it's\"}", List.of()))).toYaml();
    assertThat(json).contains("    body: '{\"a\":\"it''s\"}'\n").contains("      X-Values: []\n");
  }

  @Test
  void emptyCassette() {
    assertThat(Cassette.of(List.of()).toYaml()).isEqualTo("---\nversion: 2\ninteractions: []\n");
  }
}
