package dev.reverie.cli;

import dev.reverie.cassette.conformance.ConformanceReport;
import dev.reverie.cassette.conformance.ConformanceRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reverie conformance [--json FILE] DIR...}: replays every recorded cassette under the
 * folders through Reverie's providers and prints one PASS/FAIL/SKIP line per cassette, then the
 * request and verdict totals. Exits 0 only when nothing failed.
 */
@Command(
    name = "conformance",
    description =
        "Replay recorded provider traffic (go-vcr cassettes) through Reverie and check each"
            + " scenario's verdict and requests.",
    mixinStandardHelpOptions = true)
public final class ConformanceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the results as JSON to FILE.")
  Path jsonFile;

  @Option(names = "--debug", description = "Show stack traces on errors.")
  boolean debug;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "Folders of cassettes (or single cassette files), walked for *.yaml.")
  List<Path> folders = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    // Lines are printed as results come: a full run takes a while and each line is final.
    ConformanceReport report =
        ConformanceRunner.standard()
            .run(
                folders,
                result -> {
                  out.println(result.line());
                  out.flush();
                });
    out.println(report.requestsLine());
    out.println(report.summaryLine());
    out.flush();
    if (jsonFile != null) {
      Path parent = jsonFile.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(jsonFile, report.toJson(), StandardCharsets.UTF_8);
    }
    return report.exitCode();
  }
}
