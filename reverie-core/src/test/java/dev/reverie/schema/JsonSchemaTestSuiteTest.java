package dev.reverie.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the official JSON Schema Test Suite (draft 2020-12, copied unchanged into the test resources
 * with its NOTICE and LICENSE) through {@link SchemaValidator}: every case of every required file
 * must get the suite's verdict, or its schema must be refused when it is compiled (never a wrong
 * verdict: a keyword is enforced or refused, not ignored). The optional files' results are printed,
 * not asserted.
 */
class JsonSchemaTestSuiteTest {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** Outcome of one suite case. */
  enum Outcome {
    PASSED,
    REFUSED,
    WRONG
  }

  /** One case's outcome, with where it comes from and why. */
  record Result(String file, String group, String test, Outcome outcome, String detail) {
    @Override
    public String toString() {
      return file + " | " + group + " | " + test + " | " + detail;
    }
  }

  @Test
  void everyRequiredCaseGetsTheSuitesVerdictOrItsSchemaIsRefused() throws Exception {
    List<Result> results = run(suiteFiles(false));
    report("draft2020-12", results);
    assertThat(results).isNotEmpty();
    assertThat(results.stream().filter(r -> r.outcome() == Outcome.WRONG).map(Result::toString))
        .as("cases with a wrong verdict")
        .isEmpty();
  }

  @Test
  void optionalFilesArePrinted() throws Exception {
    report("draft2020-12/optional", run(suiteFiles(true)));
  }

  private static List<Path> suiteFiles(boolean optional) throws IOException, URISyntaxException {
    Path root =
        Path.of(
            JsonSchemaTestSuiteTest.class
                .getResource("/json-schema-test-suite/tests/draft2020-12")
                .toURI());
    Path dir = optional ? root.resolve("optional") : root;
    try (Stream<Path> files = optional ? Files.walk(dir) : Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static List<Result> run(List<Path> files) throws IOException {
    List<Result> results = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      for (JsonNode group : MAPPER.readTree(file.toFile())) {
        String description = group.get("description").asText();
        SchemaValidator validator = null;
        String refusal = null;
        try {
          validator = SchemaValidator.of(group.get("schema"));
        } catch (InvalidSchemaException e) {
          refusal = e.getMessage();
        }
        for (JsonNode test : group.get("tests")) {
          String testName = test.get("description").asText();
          boolean expected = test.get("valid").asBoolean();
          if (validator == null) {
            results.add(new Result(name, description, testName, Outcome.REFUSED, refusal));
            continue;
          }
          List<SchemaViolation> violations;
          try {
            violations = validator.validate(test.get("data"));
          } catch (RuntimeException e) {
            results.add(new Result(name, description, testName, Outcome.WRONG, e.toString()));
            continue;
          }
          boolean valid = violations.isEmpty();
          results.add(
              new Result(
                  name,
                  description,
                  testName,
                  valid == expected ? Outcome.PASSED : Outcome.WRONG,
                  "expected " + (expected ? "valid" : "invalid") + ", got " + violations));
        }
      }
    }
    return results;
  }

  private static void report(String title, List<Result> results) {
    Map<Outcome, Integer> counts = new TreeMap<>();
    Map<String, Integer> refusals = new TreeMap<>();
    for (Result result : results) {
      counts.merge(result.outcome(), 1, Integer::sum);
      if (result.outcome() == Outcome.REFUSED) {
        refusals.merge(result.detail(), 1, Integer::sum);
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("JSON Schema Test Suite, ")
        .append(title)
        .append(": ")
        .append(results.size())
        .append(" cases ")
        .append(counts)
        .append('\n');
    refusals.forEach(
        (reason, n) ->
            out.append("  refused (").append(n).append("): ").append(reason).append('\n'));
    for (Result result : results) {
      if (result.outcome() == Outcome.WRONG) {
        out.append("  wrong: ").append(result).append('\n');
      }
    }
    System.out.print(out);
  }
}
