package dev.reverie.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What peer libraries do, on the same documents and deltas as {@link ObjectStreamBenchmark}: every
 * delta appended to the text, the whole text closed, re-parsed with Jackson and deep-compared with
 * the previous tree ({@link ReparsingPartialParser}).
 *
 * <ul>
 *   <li>{@code reparseEveryDelta}: every delta, in full. Quadratic, so only 10k and 100k (100k
 *       already takes seconds per stream; 1m would take many minutes).
 *   <li>{@code reparseSampled}: the re-parse done only at the middle delta of every block of {@code
 *       stride} deltas; the whole stream's cost is estimated as this time × {@code stride}. Run at
 *       every size, so the estimate can be checked against the full run at 10k and 100k.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ReparseBenchmark {
  /** Deltas per sampled re-parse in {@code reparseSampled}. */
  public static final int STRIDE = 256;

  @Param({"10k", "100k", "1m"})
  public String size;

  private String document;
  private String[] deltas;

  @Setup(Level.Trial)
  public void setUp() {
    document = DocumentGenerator.document(DocumentSize.of(size).targetChars());
    deltas = Deltas.split(document, Deltas.WIDTH);
  }

  @Benchmark
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public void reparseEveryDelta(Blackhole blackhole) {
    if (size.equals(DocumentSize.SIZE_1M.label())) {
      throw new IllegalStateException("skipped: use reparseSampled for 1m (see the README)");
    }
    var parser = new ReparsingPartialParser();
    for (String delta : deltas) blackhole.consume(parser.feed(delta));
  }

  @Benchmark
  @Warmup(iterations = 2, time = 1)
  @Measurement(iterations = 5, time = 1)
  public void reparseSampled(Blackhole blackhole) {
    Object last = null;
    for (int block = 0; block * STRIDE < deltas.length; block++) {
      int delta = Math.min(deltas.length - 1, block * STRIDE + STRIDE / 2);
      int end = Math.min(document.length(), (delta + 1) * Deltas.WIDTH);
      // substring: the peers' StringBuilder.toString() copies the accumulated text the same way.
      var tree = ReparsingPartialParser.parsePrefix(document.substring(0, end));
      blackhole.consume(tree != null && tree.equals(last));
      last = tree;
    }
  }
}
