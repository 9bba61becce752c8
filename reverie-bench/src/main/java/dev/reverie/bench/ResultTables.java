package dev.reverie.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the JMH JSON results written by {@code bench.sh} into the Markdown tables of the README,
 * with the ratios the goals are stated in, so the report quotes the data and not a hand copy.
 *
 * <p>Usage: {@code java -cp reverie-bench.jar dev.reverie.bench.ResultTables
 * reverie-bench/results}.
 */
public final class ResultTables {
  private static final String[] SIZES = {"10k", "100k", "1m"};
  private static final String[] BENCHMARKS = {
    "jacksonTreeParse",
    "incrementalTree",
    "incrementalTyped",
    "incrementalTypedFromSnapshots",
    "streamObjectTree",
    "streamObjectTyped",
    "streamObjectTypedLeanDecoder",
    "textStream",
    "bareClientInMemory",
    "reparseEveryDelta",
    "reparseSampled"
  };

  private ResultTables() {}

  /** One benchmark at one size: mean and 99.9% half-interval in µs, bytes allocated per op. */
  record Score(double micros, double error, double bytes) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "reverie-bench/results");
    Map<String, Score> scores = new LinkedHashMap<>();
    for (String file :
        new String[] {"object-stream.json", "reparse-every-delta.json", "reparse-sampled.json"}) {
      Path path = dir.resolve(file);
      if (Files.exists(path)) read(path, scores);
    }
    Map<String, Integer> deltas = new LinkedHashMap<>();
    Map<String, Integer> lengths = new LinkedHashMap<>();
    System.out.println("#### Documents\n");
    System.out.println("| size | characters | books | 4-character deltas | event stream bytes |");
    System.out.println("|---|---|---|---|---|");
    for (String size : SIZES) {
      Library library = DocumentGenerator.library(DocumentSize.of(size).targetChars());
      String document = DocumentGenerator.json(library);
      String[] pieces = Deltas.split(document, Deltas.WIDTH);
      lengths.put(size, document.length());
      deltas.put(size, pieces.length);
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %,d | %,d | %,d |%n",
          size,
          document.length(),
          library.books().size(),
          pieces.length,
          OpenAiSseBody.of(pieces).length);
    }
    System.out.println();

    System.out.println("#### Time per whole document (ms, mean ± 99.9% half-interval)\n");
    header("benchmark");
    for (String benchmark : BENCHMARKS) {
      StringBuilder row = new StringBuilder("| `" + benchmark + "` |");
      for (String size : SIZES) {
        Score s = scores.get(benchmark + "/" + size);
        if (s == null) {
          row.append(" — |");
        } else if (benchmark.equals("reparseSampled")) {
          row.append(
              String.format(
                  Locale.ROOT,
                  " %s ± %s (est. full: %s) |",
                  millis(s.micros()),
                  millis(s.error()),
                  millis(s.micros() * ReparseBenchmark.STRIDE)));
        } else {
          row.append(
              String.format(Locale.ROOT, " %s ± %s |", millis(s.micros()), millis(s.error())));
        }
      }
      System.out.println(row);
    }

    System.out.println("\n#### Per delta (µs and bytes allocated per 4-character delta)\n");
    header("benchmark");
    for (String benchmark : BENCHMARKS) {
      if (benchmark.equals("jacksonTreeParse") || benchmark.equals("reparseSampled")) continue;
      StringBuilder row = new StringBuilder("| `" + benchmark + "` |");
      for (String size : SIZES) {
        Score s = scores.get(benchmark + "/" + size);
        if (s == null) {
          row.append(" — |");
          continue;
        }
        int n = deltas.get(size);
        row.append(
            String.format(
                Locale.ROOT,
                " %.3f µs, %s |",
                s.micros() / n,
                Double.isNaN(s.bytes())
                    ? "? B"
                    : String.format(Locale.ROOT, "%.0f B", s.bytes() / n)));
      }
      System.out.println(row);
    }

    System.out.println("\n#### Ratios\n");
    System.out.println("| ratio | value | goal |");
    System.out.println("|---|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| document length 1m / 10k | %.1f× | — |%n",
        (double) lengths.get("1m") / lengths.get("10k"));
    for (String benchmark :
        new String[] {
          "incrementalTree",
          "incrementalTyped",
          "incrementalTypedFromSnapshots",
          "streamObjectTree",
          "streamObjectTyped",
          "streamObjectTypedLeanDecoder",
          "textStream",
          "bareClientInMemory",
          "jacksonTreeParse"
        }) {
      ratio(
          "`" + benchmark + "` 1m / 10k",
          scores.get(benchmark + "/1m"),
          scores.get(benchmark + "/10k"),
          benchmark.startsWith("incremental") || benchmark.startsWith("streamObject")
              ? "≤ ~120×"
              : "—");
    }
    ratio(
        "`reparseEveryDelta` 100k / 10k",
        scores.get("reparseEveryDelta/100k"),
        scores.get("reparseEveryDelta/10k"),
        "(quadratic: ~100×)");
    Score sampled1m = scores.get("reparseSampled/1m");
    Score full10k = scores.get("reparseEveryDelta/10k");
    if (sampled1m != null && full10k != null) {
      System.out.printf(
          Locale.ROOT,
          "| re-parse 1m (sampled estimate) / 10k (full) | %.0f× | (peers: ~10,000×) |%n",
          sampled1m.micros() * ReparseBenchmark.STRIDE / full10k.micros());
    }
    for (String size : new String[] {"10k", "100k"}) {
      Score sampled = scores.get("reparseSampled/" + size);
      Score full = scores.get("reparseEveryDelta/" + size);
      if (sampled != null && full != null) {
        System.out.printf(
            Locale.ROOT,
            "| check of the sampling at %s: estimate / full run | %.2f | ≈ 1 |%n",
            size,
            sampled.micros() * ReparseBenchmark.STRIDE / full.micros());
      }
    }
    for (String benchmark :
        new String[] {
          "incrementalTree",
          "incrementalTyped",
          "incrementalTypedFromSnapshots",
          "streamObjectTree",
          "streamObjectTyped"
        }) {
      ratio(
          "`" + benchmark + "` 1m / `jacksonTreeParse` 1m",
          scores.get(benchmark + "/1m"),
          scores.get("jacksonTreeParse/1m"),
          "≤ 10×");
    }
    for (String benchmark :
        new String[] {"streamObjectTyped", "streamObjectTypedLeanDecoder", "textStream"}) {
      ratio(
          "`" + benchmark + "` 1m / `bareClientInMemory` 1m",
          scores.get(benchmark + "/1m"),
          scores.get("bareClientInMemory/1m"),
          benchmark.startsWith("streamObject") ? "(e2e goal: ≤ 1.3×)" : "—");
    }
    ratio(
        "`bareClientInMemory` 1m / `jacksonTreeParse` 1m",
        scores.get("bareClientInMemory/1m"),
        scores.get("jacksonTreeParse/1m"),
        "—");
  }

  private static void header(String first) {
    System.out.println("| " + first + " | 10k | 100k | 1m |");
    System.out.println("|---|---|---|---|");
  }

  private static void ratio(String name, Score numerator, Score denominator, String goal) {
    if (numerator == null || denominator == null) return;
    double value = numerator.micros() / denominator.micros();
    // The error of a ratio: relative errors add (a rough bound, good enough for a report).
    double relative =
        numerator.error() / numerator.micros() + denominator.error() / denominator.micros();
    System.out.printf(
        Locale.ROOT, "| %s | %.1f× (± %.0f%%) | %s |%n", name, value, relative * 100, goal);
  }

  private static String millis(double micros) {
    double ms = micros / 1000;
    return String.format(Locale.ROOT, ms >= 100 ? "%.0f" : ms >= 1 ? "%.1f" : "%.3f", ms);
  }

  private static void read(Path path, Map<String, Score> scores) throws IOException {
    JsonNode results = new ObjectMapper().readTree(path.toFile());
    for (JsonNode result : results) {
      String name = result.path("benchmark").asText();
      name = name.substring(name.lastIndexOf('.') + 1);
      String size = result.path("params").path("size").asText();
      JsonNode primary = result.path("primaryMetric");
      double bytes = Double.NaN;
      var secondary = result.path("secondaryMetrics").fields();
      while (secondary.hasNext()) {
        var entry = secondary.next();
        if (entry.getKey().replace("·", "").equals("gc.alloc.rate.norm")) {
          bytes = entry.getValue().path("score").asDouble();
        }
      }
      double error = primary.path("scoreError").asDouble(Double.NaN);
      scores.put(name + "/" + size, new Score(primary.path("score").asDouble(), error, bytes));
    }
  }
}
