package dev.reverie.bench;

import dev.reverie.LanguageModel;
import dev.reverie.ObjectResult;
import dev.reverie.ObjectStream;
import dev.reverie.Prompt;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.transport.JdkHttpTransport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The end-to-end bench: for each wire format Reverie speaks over SSE ({@link WireFormat}: OpenAI
 * chat completions, Anthropic Messages, OpenAI Responses), a loopback server streams a generated
 * object as events of 4-character deltas, read alternately, in the same JVM, by Reverie's {@code
 * streamObject} (a typed {@link Library} partial after each change), by that format's bare floor
 * ({@link BareStreamingClient}: JDK client and a Jackson streaming parse of each event), by
 * Reverie's plain text stream (to split the gap between the transport layers and the object layer)
 * and, for chat completions, by {@code streamObject} over {@link LeanDecodingModel} (what the
 * object layer costs on a lean decoder). Reports time and allocated bytes per content chunk for
 * each and their ratio to the floor reading the same body.
 *
 * <p>Usage: {@code java -cp reverie-bench.jar dev.reverie.bench.EndToEndBench [--size 1m] [--warmup
 * 4] [--rounds 10] [--formats chat,anthropic,responses] [--only text]}. Prints one line per round
 * and a Markdown summary. {@code --only} runs the contestants whose name contains the given word
 * and their floors, e.g. to profile one.
 */
public final class EndToEndBench {
  private static final String REVERIE = "Reverie streamObject, typed";
  private static final String BARE = "bare client";
  private static final String TEXT = "Reverie text stream (no object)";
  private static final String LEAN = "what-if: streamObject, typed, over a lean decoder";

  private static volatile Object sink;

  private EndToEndBench() {}

  /** One client's run: wall time, allocation on the consuming thread and on all client threads. */
  record Sample(
      long nanos,
      long cpuNanos,
      long processCpuNanos,
      long threadBytes,
      long clientBytes,
      int chunks,
      int partials) {}

  /** One way of reading the stream, run once per round. */
  private record Contestant(String name, String baseline, Callable<Sample> run) {}

  public static void main(String[] args) throws Exception {
    DocumentSize size = DocumentSize.SIZE_1M;
    int warmup = 4;
    int rounds = 10;
    String only = "";
    List<WireFormat> formats = List.of(WireFormat.values());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--size" -> size = DocumentSize.of(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--only" -> only = args[++i];
        case "--formats" ->
            formats = Arrays.stream(args[++i].split(",")).map(WireFormat::of).toList();
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Library expected = DocumentGenerator.library(size.targetChars());
    String document = DocumentGenerator.json(expected);
    String[] deltas = Deltas.split(document, Deltas.WIDTH);
    int chunks = deltas.length;
    System.out.printf(
        Locale.ROOT,
        "document %s: %,d chars, %,d books, %,d content chunks%n",
        size.label(),
        document.length(),
        expected.books().size(),
        deltas.length);
    System.out.printf(
        Locale.ROOT,
        "java %s, %d processors, max heap %d MiB%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    List<LoopbackSseServer> servers = new ArrayList<>();
    try {
      List<Contestant> all = new ArrayList<>();
      for (WireFormat format : formats) {
        byte[] textBody = format.body(deltas, false);
        LoopbackSseServer text = LoopbackSseServer.start(textBody);
        servers.add(text);
        LoopbackSseServer typed = text;
        byte[] typedBody = textBody;
        if (format.typedBodyDiffers()) {
          typedBody = format.body(deltas, true);
          typed = LoopbackSseServer.start(typedBody);
          servers.add(typed);
        }
        System.out.printf(
            Locale.ROOT,
            "%s: event stream %,d bytes (text), %,d bytes (typed)%n",
            format.label(),
            textBody.length,
            typedBody.length);
        String bareText = format.label() + ": " + BARE;
        String bareTyped =
            format.typedBodyDiffers() ? format.label() + ": " + BARE + ", typed body" : bareText;
        BareStreamingClient textClient = format.bare(text.root(), false);
        all.add(new Contestant(bareText, bareText, () -> runBare(textClient, document)));
        if (format.typedBodyDiffers()) {
          BareStreamingClient typedClient = format.bare(typed.root(), true);
          all.add(new Contestant(bareTyped, bareTyped, () -> runBare(typedClient, document)));
        }
        LanguageModel typedModel = format.model(typed.root());
        LanguageModel textModel = format.model(text.root());
        all.add(
            new Contestant(
                format.label() + ": " + REVERIE,
                bareTyped,
                () -> runReverie(typedModel, expected, chunks)));
        all.add(
            new Contestant(
                format.label() + ": " + TEXT,
                bareText,
                () -> runText(textModel, document, chunks)));
        if (format == WireFormat.CHAT) {
          LanguageModel lean =
              LanguageModel.of(new LeanDecodingModel(JdkHttpTransport.create(), text.baseUrl()));
          all.add(
              new Contestant(
                  format.label() + ": " + LEAN,
                  bareText,
                  () -> runReverie(lean, expected, chunks)));
        }
      }
      // --only keeps the contestants named by the filter and the floors they are measured
      // against, so that a profiler attached to the run sees mostly one of them.
      String filter = only.toLowerCase(Locale.ROOT);
      List<Contestant> chosen =
          all.stream()
              .filter(c -> filter.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(filter))
              .toList();
      List<Contestant> contestants =
          all.stream()
              .filter(
                  c ->
                      chosen.contains(c)
                          || chosen.stream().anyMatch(k -> k.baseline().equals(c.name())))
              .toList();
      Map<String, List<Sample>> samples = new LinkedHashMap<>();
      Map<String, String> baselines = new LinkedHashMap<>();
      for (Contestant contestant : contestants) {
        samples.put(contestant.name(), new ArrayList<>());
        baselines.put(contestant.name(), contestant.baseline());
      }
      for (int round = 0; round < warmup + rounds; round++) {
        boolean measured = round >= warmup;
        var line =
            new StringBuilder(measured ? "round " : "warmup")
                .append(String.format(Locale.ROOT, " %2d", round));
        // Rotate who goes first so none always runs on a warmer or a more fragmented heap.
        for (int i = 0; i < contestants.size(); i++) {
          Contestant contestant = contestants.get((round + i) % contestants.size());
          Sample s = contestant.run().call();
          line.append(
              String.format(
                  Locale.ROOT,
                  " | %s %.3f us (cpu %.3f us) %.0f B (client threads %.0f B)",
                  contestant.name(),
                  s.nanos() / 1000.0 / s.chunks(),
                  s.cpuNanos() / 1000.0 / s.chunks(),
                  (double) s.threadBytes() / s.chunks(),
                  (double) s.clientBytes() / s.chunks()));
          if (measured) samples.get(contestant.name()).add(s);
        }
        System.out.println(line);
      }
      printSummary(size, chunks, samples, baselines);
    } finally {
      for (LoopbackSseServer server : servers) server.close();
    }
  }

  private static Sample runReverie(LanguageModel model, Library expected, int chunks) {
    Map<Long, Long> clientBefore = AllocationMeter.clientThreads();
    long bytesBefore = AllocationMeter.currentThread();
    long cpuBefore = AllocationMeter.currentThreadCpuNanos();
    long processCpuBefore = AllocationMeter.processCpuNanos();
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
    long cpuNanos = AllocationMeter.currentThreadCpuNanos() - cpuBefore;
    long processCpuNanos = AllocationMeter.processCpuNanos() - processCpuBefore;
    long threadBytes = AllocationMeter.currentThread() - bytesBefore;
    long clientBytes = AllocationMeter.difference(clientBefore, AllocationMeter.clientThreads());
    sink = last;
    if (!expected.equals(result.object())) {
      throw new IllegalStateException("Reverie's final object differs from the document");
    }
    return new Sample(nanos, cpuNanos, processCpuNanos, threadBytes, clientBytes, chunks, partials);
  }

  private static Sample runText(LanguageModel model, String document, int chunks) {
    Map<Long, Long> clientBefore = AllocationMeter.clientThreads();
    long bytesBefore = AllocationMeter.currentThread();
    long cpuBefore = AllocationMeter.currentThreadCpuNanos();
    long processCpuBefore = AllocationMeter.processCpuNanos();
    long start = System.nanoTime();
    var text = new StringBuilder();
    try (PartStream parts = model.stream(Prompt.user("Describe a library and its catalogue."))) {
      for (StreamPart part : parts) {
        if (part instanceof TextDelta delta) text.append(delta.delta());
      }
    }
    long nanos = System.nanoTime() - start;
    long cpuNanos = AllocationMeter.currentThreadCpuNanos() - cpuBefore;
    long processCpuNanos = AllocationMeter.processCpuNanos() - processCpuBefore;
    long threadBytes = AllocationMeter.currentThread() - bytesBefore;
    long clientBytes = AllocationMeter.difference(clientBefore, AllocationMeter.clientThreads());
    if (!document.contentEquals(text)) {
      throw new IllegalStateException("Reverie's text stream differs from the document");
    }
    return new Sample(nanos, cpuNanos, processCpuNanos, threadBytes, clientBytes, chunks, 0);
  }

  private static Sample runBare(BareStreamingClient client, String document) throws Exception {
    Map<Long, Long> clientBefore = AllocationMeter.clientThreads();
    long bytesBefore = AllocationMeter.currentThread();
    long cpuBefore = AllocationMeter.currentThreadCpuNanos();
    long processCpuBefore = AllocationMeter.processCpuNanos();
    long start = System.nanoTime();
    BareStreamingClient.Streamed streamed = client.stream();
    long nanos = System.nanoTime() - start;
    long cpuNanos = AllocationMeter.currentThreadCpuNanos() - cpuBefore;
    long processCpuNanos = AllocationMeter.processCpuNanos() - processCpuBefore;
    long threadBytes = AllocationMeter.currentThread() - bytesBefore;
    long clientBytes = AllocationMeter.difference(clientBefore, AllocationMeter.clientThreads());
    if (!document.equals(streamed.content())) {
      throw new IllegalStateException("the bare client's text differs from the document");
    }
    return new Sample(
        nanos, cpuNanos, processCpuNanos, threadBytes, clientBytes, streamed.contentChunks(), 0);
  }

  private static double perChunk(long total, Sample sample) {
    return (double) total / sample.chunks();
  }

  private static void printSummary(
      DocumentSize size,
      int chunks,
      Map<String, List<Sample>> samples,
      Map<String, String> baselines) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "### End to end, %s document, %,d content chunks, %d measured rounds%n%n",
        size.label(),
        chunks,
        samples.values().iterator().next().size());
    System.out.println(
        "Per content chunk, median [min..max] of the rounds; ratios are of medians, to the bare"
            + " client of the same wire format (the one reading the same body).\n");
    System.out.println(
        "| client | time (µs) | ratio | CPU, consuming thread (µs) | ratio |"
            + " CPU, whole process (µs) | ratio |"
            + " allocated, consuming thread (B) | ratio | allocated, all client threads (B) | ratio |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (var entry : samples.entrySet()) {
      List<Sample> mine = entry.getValue();
      List<Sample> baseline = samples.get(baselines.get(entry.getKey()));
      var row = new StringBuilder("| " + entry.getKey() + " |");
      for (Metric metric :
          new Metric[] {
            s -> s.nanos() / 1000.0,
            s -> s.cpuNanos() / 1000.0,
            s -> s.processCpuNanos() / 1000.0,
            s -> (double) s.threadBytes(),
            s -> (double) s.clientBytes()
          }) {
        double[] values = perChunkValues(mine, metric);
        double[] base = perChunkValues(baseline, metric);
        row.append(
            String.format(
                Locale.ROOT, " %s | %.2f× |", describe(values), median(values) / median(base)));
      }
      System.out.println(row);
    }
    // Every round runs each contestant once, back to back: a ratio taken within a round cancels a
    // slow spell that hits the whole round, which the ratio of medians does not.
    System.out.println(
        "\nPaired time ratios (median [min..max] of each round's time over its floor's in"
            + " the same round):\n");
    for (var entry : samples.entrySet()) {
      String floor = baselines.get(entry.getKey());
      if (entry.getKey().equals(floor)) continue;
      List<Sample> mine = entry.getValue();
      List<Sample> baseline = samples.get(floor);
      double[] ratios = new double[mine.size()];
      for (int i = 0; i < ratios.length; i++) {
        Sample own = mine.get(i);
        Sample bare = baseline.get(i);
        ratios[i] = (own.nanos() / (double) own.chunks()) / (bare.nanos() / (double) bare.chunks());
      }
      double[] sorted = ratios.clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "- %s: %.2f× [%.2f..%.2f]%n",
          entry.getKey(),
          median(ratios),
          sorted[0],
          sorted[sorted.length - 1]);
    }
    for (var entry : samples.entrySet()) {
      if (entry.getKey().endsWith(REVERIE) && !entry.getValue().isEmpty()) {
        System.out.printf(
            Locale.ROOT,
            "%nTyped partials per stream, %s: %,d",
            entry.getKey(),
            entry.getValue().get(0).partials());
      }
    }
    System.out.println();
  }

  private interface Metric {
    double of(Sample sample);
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
