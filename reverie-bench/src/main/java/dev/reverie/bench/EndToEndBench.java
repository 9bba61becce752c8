package dev.reverie.bench;

import dev.reverie.LanguageModel;
import dev.reverie.ObjectResult;
import dev.reverie.ObjectStream;
import dev.reverie.Prompt;
import dev.reverie.provider.openai.OpenAi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end bench: a loopback server streams a generated object as OpenAI chat-completion
 * chunks of 4-character content deltas, read alternately, in the same JVM, by Reverie's {@code
 * streamObject} (a typed {@link Library} partial after each change) and by {@link
 * BareStreamingClient}. Reports time and allocated bytes per content chunk for each and their
 * ratio.
 *
 * <p>Usage: {@code java -cp reverie-bench.jar dev.reverie.bench.EndToEndBench [--size 1m] [--warmup
 * 4] [--rounds 10]}. Prints one line per round and a Markdown summary.
 */
public final class EndToEndBench {
  private static volatile Object sink;

  private EndToEndBench() {}

  /** One client's run: wall time, allocation on the consuming thread and on all client threads. */
  record Sample(long nanos, long threadBytes, long clientBytes, int chunks, int partials) {}

  public static void main(String[] args) throws Exception {
    DocumentSize size = DocumentSize.SIZE_1M;
    int warmup = 4;
    int rounds = 10;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> size = DocumentSize.of(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Library expected = DocumentGenerator.library(size.targetChars());
    String document = DocumentGenerator.json(expected);
    String[] deltas = Deltas.split(document, Deltas.WIDTH);
    byte[] body = OpenAiSseBody.of(deltas);
    System.out.printf(
        Locale.ROOT,
        "document %s: %,d chars, %,d books, %,d content chunks, event stream %,d bytes%n",
        size.label(),
        document.length(),
        expected.books().size(),
        deltas.length,
        body.length);
    System.out.printf(
        Locale.ROOT,
        "java %s, %d processors, max heap %d MiB%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    try (LoopbackSseServer server = LoopbackSseServer.start(body)) {
      LanguageModel model =
          OpenAi.builder().apiKey("k").baseUrl(server.baseUrl()).build().languageModel("o4-mini");
      var bare = new BareStreamingClient(server.baseUrl());

      var reverie = new ArrayList<Sample>();
      var baseline = new ArrayList<Sample>();
      for (int round = 0; round < warmup + rounds; round++) {
        boolean measured = round >= warmup;
        // Alternate who goes first so neither always runs on a warmer or a more fragmented heap.
        boolean reverieFirst = round % 2 == 0;
        Sample a =
            reverieFirst ? runReverie(model, expected, deltas.length) : runBare(bare, document);
        Sample b =
            reverieFirst ? runBare(bare, document) : runReverie(model, expected, deltas.length);
        Sample r = reverieFirst ? a : b;
        Sample x = reverieFirst ? b : a;
        System.out.printf(
            Locale.ROOT,
            "%s %2d  reverie %7.3f us %8.0f B (all client threads %8.0f B) %,d partials  |  "
                + "bare %7.3f us %8.0f B (all client threads %8.0f B)%n",
            measured ? "round " : "warmup",
            round,
            perChunk(r.nanos(), r) / 1000.0,
            perChunk(r.threadBytes(), r),
            perChunk(r.clientBytes(), r),
            r.partials(),
            perChunk(x.nanos(), x) / 1000.0,
            perChunk(x.threadBytes(), x),
            perChunk(x.clientBytes(), x));
        if (measured) {
          reverie.add(r);
          baseline.add(x);
        }
      }
      printSummary(size, deltas.length, reverie, baseline);
    }
  }

  private static Sample runReverie(LanguageModel model, Library expected, int chunks) {
    Map<Long, Long> clientBefore = AllocationMeter.clientThreads();
    long bytesBefore = AllocationMeter.currentThread();
    long start = System.nanoTime();
    int partials = 0;
    Library last = null;
    ObjectResult<Library> result;
    try (ObjectStream<Library> stream =
        model.streamObject(Library.class, Prompt.user("Describe a library and its catalogue."))) {
      for (Library partial : stream.partials()) {
        partials++;
        last = partial;
      }
      result = stream.result();
    }
    long nanos = System.nanoTime() - start;
    long threadBytes = AllocationMeter.currentThread() - bytesBefore;
    long clientBytes = AllocationMeter.difference(clientBefore, AllocationMeter.clientThreads());
    sink = last;
    if (!expected.equals(result.object())) {
      throw new IllegalStateException("Reverie's final object differs from the document");
    }
    return new Sample(nanos, threadBytes, clientBytes, chunks, partials);
  }

  private static Sample runBare(BareStreamingClient client, String document) throws Exception {
    Map<Long, Long> clientBefore = AllocationMeter.clientThreads();
    long bytesBefore = AllocationMeter.currentThread();
    long start = System.nanoTime();
    BareStreamingClient.Streamed streamed = client.stream();
    long nanos = System.nanoTime() - start;
    long threadBytes = AllocationMeter.currentThread() - bytesBefore;
    long clientBytes = AllocationMeter.difference(clientBefore, AllocationMeter.clientThreads());
    if (!document.equals(streamed.content())) {
      throw new IllegalStateException("the bare client's text differs from the document");
    }
    return new Sample(nanos, threadBytes, clientBytes, streamed.contentChunks(), 0);
  }

  private static double perChunk(long total, Sample sample) {
    return (double) total / sample.chunks();
  }

  private static void printSummary(
      DocumentSize size, int chunks, List<Sample> reverie, List<Sample> baseline) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "### End to end, %s document, %,d content chunks, %d measured rounds (median [min..max])%n%n",
        size.label(),
        chunks,
        reverie.size());
    System.out.println(
        "| per content chunk | Reverie streamObject (typed) | bare client | ratio |");
    System.out.println("|---|---|---|---|");
    row("time (µs)", reverie, baseline, s -> s.nanos() / 1000.0);
    row("allocated, consuming thread (B)", reverie, baseline, s -> (double) s.threadBytes());
    row("allocated, all client threads (B)", reverie, baseline, s -> (double) s.clientBytes());
  }

  private interface Metric {
    double of(Sample sample);
  }

  private static void row(String name, List<Sample> reverie, List<Sample> baseline, Metric metric) {
    double[] r = perChunkValues(reverie, metric);
    double[] b = perChunkValues(baseline, metric);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %.2f× |%n",
        name,
        describe(r),
        describe(b),
        median(r) / median(b));
  }

  private static double[] perChunkValues(List<Sample> samples, Metric metric) {
    return samples.stream().mapToDouble(s -> metric.of(s) / s.chunks()).sorted().toArray();
  }

  private static String describe(double[] sorted) {
    String format = sorted[0] >= 100 ? "%.0f" : "%.3f";
    return String.format(
        Locale.ROOT,
        format + " [" + format + ".." + format + "]",
        median(sorted),
        sorted[0],
        sorted[sorted.length - 1]);
  }

  private static double median(double[] sorted) {
    double[] copy = Arrays.copyOf(sorted, sorted.length);
    Arrays.sort(copy);
    int n = copy.length;
    return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
  }
}
