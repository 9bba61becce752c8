package dev.reverie.cassette.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.cassette.conformance.ScenarioResult.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of a conformance run, with the summary and the two ways to write it: the text report
 * of {@code reverie conformance} and a JSON document for machines.
 */
public final class ConformanceReport {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<ScenarioResult> results;

  public ConformanceReport(List<ScenarioResult> results) {
    this.results = List.copyOf(results);
  }

  public List<ScenarioResult> results() {
    return results;
  }

  public int passed() {
    return count(Status.PASS);
  }

  public int failed() {
    return count(Status.FAIL);
  }

  public int skipped() {
    return count(Status.SKIP);
  }

  /** Recorded requests that Reverie sent JSON-equal, over all cassettes that ran. */
  public int requestsIdentical() {
    return results.stream().mapToInt(ScenarioResult::requestsIdentical).sum();
  }

  /** Recorded requests of all cassettes that ran (skipped ones count none). */
  public int requestsTotal() {
    return results.stream().mapToInt(ScenarioResult::requestsTotal).sum();
  }

  /** The process exit status: 0 only when nothing failed. */
  public int exitCode() {
    return failed() == 0 ? 0 : 1;
  }

  /** One line per cassette, then {@code requests identical: X/Y} and {@code N passed, ...}. */
  public List<String> lines() {
    var lines = new ArrayList<String>(results.size() + 2);
    for (ScenarioResult result : results) lines.add(result.line());
    lines.add(requestsLine());
    lines.add(summaryLine());
    return List.copyOf(lines);
  }

  /** {@code requests identical: X/Y}. */
  public String requestsLine() {
    return "requests identical: " + requestsIdentical() + "/" + requestsTotal();
  }

  /** {@code N passed, N failed, N skipped}. */
  public String summaryLine() {
    return passed() + " passed, " + failed() + " failed, " + skipped() + " skipped";
  }

  /** The text report, lines ending with a newline. */
  public String toText() {
    return String.join("\n", lines()) + "\n";
  }

  /**
   * The results as a JSON object: {@code results} (path, status, reason, requestsIdentical,
   * requestsTotal, firstDifference per cassette) and {@code totals} (passed, failed, skipped,
   * requestsIdentical, requestsTotal).
   */
  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("results");
    for (ScenarioResult r : results) {
      array
          .addObject()
          .put("path", r.path())
          .put("status", r.status().name())
          .put("reason", r.reason())
          .put("requestsIdentical", r.requestsIdentical())
          .put("requestsTotal", r.requestsTotal())
          .put("firstDifference", r.firstDifference());
    }
    root.putObject("totals")
        .put("passed", passed())
        .put("failed", failed())
        .put("skipped", skipped())
        .put("requestsIdentical", requestsIdentical())
        .put("requestsTotal", requestsTotal());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  private int count(Status status) {
    return (int) results.stream().filter(r -> r.status() == status).count();
  }
}
