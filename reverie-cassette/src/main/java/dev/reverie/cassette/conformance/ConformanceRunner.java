package dev.reverie.cassette.conformance;

import dev.reverie.LanguageModel;
import dev.reverie.ProviderData;
import dev.reverie.cassette.Cassette;
import dev.reverie.cassette.conformance.ScenarioResult.Status;
import dev.reverie.error.ReverieException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the standard scenario of every cassette under some folders and reports a verdict per
 * cassette (see {@code SCENARIOS.md}).
 *
 * <p>For each {@code *.yaml}, in sorted path order: the provider comes from the first recorded
 * request, the scenario from the file name, suite settings from the folder names; the provider is
 * configured with dummy credentials over a transport that replays the cassette; the scenario runs
 * and its assertions decide PASS or FAIL. A cassette whose provider has no factory in the {@link
 * ProviderRegistry} is skipped. Whatever happens in one cassette (an exception, an assertion, a
 * conversation that ends before using every recorded request) becomes its FAIL reason; the run
 * always goes on to the next.
 *
 * <pre>{@code
 * ConformanceReport report = ConformanceRunner.standard().run(List.of(Path.of("cassettes")));
 * System.out.print(report.toText());
 * }</pre>
 *
 * Instances are immutable; runs are sequential and independent.
 */
public final class ConformanceRunner {
  private static final String CASSETTE_SUFFIX = ".yaml";
  private static final String SUITE_PREFIX = "Test";

  private final ProviderRegistry registry;

  public ConformanceRunner(ProviderRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** A runner for every provider Reverie implements. */
  public static ConformanceRunner standard() {
    return new ConformanceRunner(ProviderRegistry.standard());
  }

  /**
   * Runs every cassette under {@code roots}, root by root.
   *
   * @throws UncheckedIOException when a root cannot be listed
   * @throws IllegalArgumentException when a root is not a folder or a cassette file
   */
  public ConformanceReport run(List<Path> roots) {
    return run(roots, result -> {});
  }

  /**
   * Runs every cassette under {@code roots}, root by root, handing each result to {@code onResult}
   * as soon as it is known (a long run can print as it goes). Every root is listed before anything
   * runs, so a mistyped folder fails at once.
   *
   * @throws UncheckedIOException when a root cannot be listed
   * @throws IllegalArgumentException when a root is not a folder or a cassette file
   */
  public ConformanceReport run(List<Path> roots, Consumer<ScenarioResult> onResult) {
    Objects.requireNonNull(onResult, "onResult");
    var cassettes = new ArrayList<Map.Entry<Path, Path>>();
    for (Path root : roots) {
      for (Path cassette : cassettesUnder(root)) cassettes.add(Map.entry(root, cassette));
    }
    var results = new ArrayList<ScenarioResult>(cassettes.size());
    for (var entry : cassettes) {
      ScenarioResult result = runCassette(entry.getKey(), entry.getValue());
      results.add(result);
      onResult.accept(result);
    }
    return new ConformanceReport(results);
  }

  /**
   * The cassettes under {@code root} (or {@code root} itself if it is a file), sorted by path so
   * that every run lists them in the same order.
   */
  public static List<Path> cassettesUnder(Path root) {
    if (Files.isRegularFile(root)) return List.of(root);
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("not a folder of cassettes: " + root);
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(CASSETTE_SUFFIX))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /** Runs one cassette found under {@code root}; never throws. */
  public ScenarioResult runCassette(Path root, Path cassette) {
    String path = displayPath(root, cassette);
    // Scenario and suite are told by folder names, which a relative path may not show.
    Path file = cassette.toAbsolutePath().normalize();
    DeviationTolerantReplay replay;
    try {
      replay = new DeviationTolerantReplay(Cassette.load(file));
    } catch (RuntimeException e) {
      return fail(path, describe(e), 0, 0, "");
    }
    Optional<Scenario> scenario = Scenario.of(file);
    if (scenario.isEmpty()) {
      return fail(path, "not a known scenario: " + file.getFileName(), 0, 0, "");
    }
    if (replay.recordedRequests() == 0) {
      return fail(path, "the cassette records no requests", 0, 0, "");
    }
    ProviderEndpoint endpoint;
    try {
      endpoint = ProviderDetector.detect(replay.firstRequestUrl(), replay.firstRequestBody());
    } catch (RuntimeException e) {
      return fail(path, describe(e), 0, 0, "");
    }
    Optional<ProviderAdapter> factory = registry.adapter(endpoint.kind());
    if (factory.isEmpty()) return ScenarioResult.skip(path, "provider not implemented");

    String failure = run(scenario.get(), endpoint, factory.get(), replay, file);
    int total = replay.recordedRequests();
    int identical = replay.identicalRequests();
    String difference = replay.firstDifference();
    if (failure == null && replay.usedRequests() < total) {
      failure =
          "used "
              + replay.usedRequests()
              + " of "
              + total
              + " recorded requests; the conversation diverged from the recording";
    }
    if (failure != null) return fail(path, failure, identical, total, difference);
    return new ScenarioResult(path, Status.PASS, "", identical, total, difference);
  }

  /** Runs the scenario; its FAIL reason, or null when every assertion held. */
  private static String run(
      Scenario scenario,
      ProviderEndpoint endpoint,
      ProviderAdapter factory,
      DeviationTolerantReplay replay,
      Path cassette) {
    try {
      SuiteSettings settings = SuiteSettings.of(cassette);
      LanguageModel model = factory.languageModel(endpoint, replay);
      ProviderData options = factory.suiteOptions(settings, endpoint);
      var context = new ScenarioContext(endpoint, settings, factory, model, options, cassette);
      ScenarioScripts.of(scenario).run(context);
      return null;
    } catch (ScenarioFailure e) {
      return e.getMessage();
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      // A missing class (a provider or the agent not built yet) or a bug must fail this cassette
      // only, never the whole run.
      return describe(e);
    }
  }

  private static ScenarioResult fail(
      String path, String reason, int identical, int total, String difference) {
    return new ScenarioResult(path, Status.FAIL, reason, identical, total, difference);
  }

  /** The exception's message on one line; its class when it is not one of Reverie's own. */
  static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    if (e instanceof NoClassDefFoundError) {
      return "missing class " + message.replace('/', '.') + " (not built yet?)";
    }
    if (e instanceof ReverieException && !message.isEmpty()) return message;
    String type = e.getClass().getSimpleName();
    return message.isEmpty() ? type : type + ": " + message;
  }

  /**
   * The cassette's path as reported: relative to {@code root}, except that a root inside a suite
   * folder (or the suite folder itself) reports from the suite's name, so that a cassette reads the
   * same however its folder was given.
   */
  static String displayPath(Path root, Path cassette) {
    Path base = root.toAbsolutePath().normalize();
    Path file = cassette.toAbsolutePath().normalize();
    if (Files.isRegularFile(base) || base.equals(file)) base = base.getParent();
    for (Path dir = base; dir != null; dir = dir.getParent()) {
      Path name = dir.getFileName();
      if (name != null && name.toString().startsWith(SUITE_PREFIX) && dir.getParent() != null) {
        base = dir.getParent();
        break;
      }
    }
    Path relative = base == null ? file : base.relativize(file);
    return relative.toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
