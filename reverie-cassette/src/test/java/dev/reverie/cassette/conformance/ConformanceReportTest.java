package dev.reverie.cassette.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reverie.cassette.conformance.ScenarioResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceReportTest {
  private static final ScenarioResult PASSED =
      new ScenarioResult(
          "TestOpenAIObjectGeneration/openai-o4-mini/complex_object_streaming.yaml",
          Status.PASS,
          "",
          1,
          1,
          "");
  private static final ScenarioResult PASSED_DIFFERENT =
      new ScenarioResult(
          "TestAnthropicCommon/claude-sonnet-4/tool.yaml",
          Status.PASS,
          "",
          1,
          2,
          "request 2: $.messages[1].content[0].text: \"a\" recorded, \"b\" sent");
  private static final ScenarioResult FAILED =
      new ScenarioResult(
          "TestAnthropicThinking/claude-sonnet-4/thinking.yaml",
          Status.FAIL,
          "expected a signed reasoning part",
          2,
          2,
          "");
  private static final ScenarioResult SKIPPED =
      ScenarioResult.skip(
          "TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple.yaml",
          "provider not implemented");

  @Test
  void linesFollowTheScenariosFormat() {
    var report = new ConformanceReport(List.of(PASSED, PASSED_DIFFERENT, FAILED, SKIPPED));

    assertThat(report.lines())
        .containsExactly(
            "PASS TestOpenAIObjectGeneration/openai-o4-mini/complex_object_streaming.yaml"
                + " request=identical",
            "PASS TestAnthropicCommon/claude-sonnet-4/tool.yaml request=different (request 2:"
                + " $.messages[1].content[0].text: \"a\" recorded, \"b\" sent)",
            "FAIL TestAnthropicThinking/claude-sonnet-4/thinking.yaml expected a signed reasoning"
                + " part",
            "SKIP TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple.yaml provider not"
                + " implemented",
            "requests identical: 4/5",
            "2 passed, 1 failed, 1 skipped");
    assertThat(report.toText()).isEqualTo(String.join("\n", report.lines()) + "\n");
  }

  @Test
  void exitCodeIsZeroOnlyWhenNothingFailed() {
    assertThat(new ConformanceReport(List.of(PASSED, SKIPPED)).exitCode()).isZero();
    assertThat(new ConformanceReport(List.of()).exitCode()).isZero();
    assertThat(new ConformanceReport(List.of(PASSED, FAILED)).exitCode()).isEqualTo(1);
  }

  @Test
  void emptyRunSaysSo() {
    assertThat(new ConformanceReport(List.of()).lines())
        .containsExactly("requests identical: 0/0", "0 passed, 0 failed, 0 skipped");
  }

  @Test
  void jsonCarriesEveryResultAndTheTotals() throws Exception {
    var report = new ConformanceReport(List.of(PASSED_DIFFERENT, FAILED, SKIPPED));

    JsonNode json = new ObjectMapper().readTree(report.toJson());

    assertThat(json.path("results")).hasSize(3);
    JsonNode first = json.path("results").get(0);
    assertThat(first.path("path").asText()).isEqualTo(PASSED_DIFFERENT.path());
    assertThat(first.path("status").asText()).isEqualTo("PASS");
    assertThat(first.path("requestsIdentical").asInt()).isEqualTo(1);
    assertThat(first.path("requestsTotal").asInt()).isEqualTo(2);
    assertThat(first.path("firstDifference").asText()).startsWith("request 2:");
    assertThat(json.path("results").get(1).path("reason").asText())
        .isEqualTo("expected a signed reasoning part");
    assertThat(json.path("results").get(2).path("status").asText()).isEqualTo("SKIP");
    JsonNode totals = json.path("totals");
    assertThat(totals.path("passed").asInt()).isEqualTo(1);
    assertThat(totals.path("failed").asInt()).isEqualTo(1);
    assertThat(totals.path("skipped").asInt()).isEqualTo(1);
    assertThat(totals.path("requestsIdentical").asInt()).isEqualTo(3);
    assertThat(totals.path("requestsTotal").asInt()).isEqualTo(4);
  }

  @Test
  void reasonsStayOnOneLine() {
    var result =
        new ScenarioResult("a/b.yaml", Status.FAIL, "first line\n  second line\r\n", 0, 1, "");
    assertThat(result.line()).isEqualTo("FAIL a/b.yaml first line second line");
  }

  @Test
  void identicalCannotExceedTotal() {
    assertThatThrownBy(() -> new ScenarioResult("a.yaml", Status.PASS, "", 3, 2, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
