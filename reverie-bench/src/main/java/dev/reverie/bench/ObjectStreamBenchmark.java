package dev.reverie.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectSchema;
import dev.reverie.ObjectStream;
import dev.reverie.Prompt;
import dev.reverie.json.IncrementalJsonParser;
import dev.reverie.json.JsonChange;
import dev.reverie.json.JsonReadLimits;
import dev.reverie.json.JsonValue;
import dev.reverie.json.TypedBinder;
import dev.reverie.provider.openai.OpenAi;
import dev.reverie.schema.SchemaGenerator;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import java.io.ByteArrayInputStream;
import java.util.List;
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
 * The incremental object stream against one Jackson parse of the whole document: each benchmark
 * consumes a whole generated document, streamed as 4-character deltas with a snapshot (and, for the
 * typed ones, a bound {@link Library}) after every delta.
 *
 * <ul>
 *   <li>{@code jacksonTreeParse}: one {@code ObjectMapper.readTree} of the whole text, the floor.
 *   <li>{@code incrementalTree}/{@code incrementalTyped}: the engine alone, {@link
 *       IncrementalJsonParser} fed every delta, then a snapshot, or for typed a partial {@link
 *       Library} made when something visible changed ({@link TypedBinder#bindCurrent}, as {@code
 *       streamObject} does); {@code incrementalTypedFromSnapshots} binds every snapshot instead
 *       ({@link TypedBinder#bind}), as the engine did before {@code bindCurrent}.
 *   <li>{@code streamObjectTree}/{@code streamObjectTyped}: the whole pipeline a user runs, {@code
 *       LanguageModel.streamObject} over an in-memory OpenAI event stream (SSE reading, chunk
 *       decoding, parser, binder, every partial iterated, then {@code result()} with validation).
 *   <li>{@code textStream}: the same event stream read as plain text parts ({@code
 *       LanguageModel.stream}), no object: what the pipeline costs before the object layer.
 *   <li>{@code streamObjectTypedLeanDecoder}: {@code streamObjectTyped} over {@link
 *       LeanDecodingModel} instead of the OpenAI provider: the object layer on a lean decoder.
 *   <li>{@code bareClientInMemory}: the same event stream read by {@link BareStreamingClient}'s
 *       line reader and streaming extraction, no HTTP: the floor the two above are compared with.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ObjectStreamBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Param({"10k", "100k", "1m"})
  public String size;

  private String document;
  private String[] deltas;
  private LanguageModel model;
  private LanguageModel leanModel;
  private ObjectCall<JsonValue> treeCall;
  private ObjectCall<Library> typedCall;
  private Call textCall;
  private byte[] sseBody;

  @Setup(Level.Trial)
  public void setUp() {
    document = DocumentGenerator.document(DocumentSize.of(size).targetChars());
    deltas = Deltas.split(document, Deltas.WIDTH);
    sseBody = OpenAiSseBody.of(deltas);
    model =
        OpenAi.builder()
            .apiKey("k")
            .transport(new InMemorySseTransport(sseBody))
            .build()
            .languageModel("o4-mini");
    leanModel =
        LanguageModel.of(
            new LeanDecodingModel(new InMemorySseTransport(sseBody), "http://in-memory/v1"));
    Call call = Call.of(Prompt.user("Describe a library and its catalogue."));
    textCall = call;
    treeCall =
        ObjectCall.of(
            call,
            ObjectSchema.json(
                (dev.reverie.json.JsonObject)
                    dev.reverie.json.JsonValue.fromJsonNode(
                        SchemaGenerator.schemaFor(Library.class))));
    typedCall = ObjectCall.of(call, ObjectSchema.of(Library.class));
  }

  @Benchmark
  public JsonNode jacksonTreeParse() throws Exception {
    return MAPPER.readTree(document);
  }

  @Benchmark
  public void incrementalTree(Blackhole blackhole) {
    var parser = new IncrementalJsonParser(JsonReadLimits.DEFAULT);
    for (String delta : deltas) {
      blackhole.consume(parser.feed(delta));
      blackhole.consume(parser.snapshot());
    }
    blackhole.consume(parser.endOfInput());
  }

  @Benchmark
  public void incrementalTyped(Blackhole blackhole) {
    var parser = new IncrementalJsonParser(JsonReadLimits.DEFAULT);
    TypedBinder<Library> binder = TypedBinder.of(Library.class);
    Library partial = null;
    for (String delta : deltas) {
      List<JsonChange> changes = parser.feed(delta);
      blackhole.consume(changes);
      // A new partial when something visible changed, as streamObject makes them.
      if (!changes.isEmpty()) partial = binder.bindCurrent(parser);
      blackhole.consume(partial);
    }
    blackhole.consume(parser.endOfInput());
    blackhole.consume(binder.bind(parser.snapshot().orElseThrow()));
  }

  /** {@code incrementalTyped} as it was first measured: every snapshot built, then bound. */
  @Benchmark
  public void incrementalTypedFromSnapshots(Blackhole blackhole) {
    var parser = new IncrementalJsonParser(JsonReadLimits.DEFAULT);
    TypedBinder<Library> binder = TypedBinder.of(Library.class);
    for (String delta : deltas) {
      blackhole.consume(parser.feed(delta));
      parser.snapshot().ifPresent(tree -> blackhole.consume(binder.bind(tree)));
    }
    blackhole.consume(parser.endOfInput());
  }

  @Benchmark
  public void streamObjectTree(Blackhole blackhole) {
    try (ObjectStream<JsonValue> stream = model.streamObject(treeCall)) {
      for (JsonValue partial : stream.partials()) blackhole.consume(partial);
      blackhole.consume(stream.result());
    }
  }

  @Benchmark
  public void streamObjectTyped(Blackhole blackhole) {
    // A fresh schema per stream, as streamObject(Class, Prompt) makes: a binder serves one stream.
    try (ObjectStream<Library> stream =
        model.streamObject(ObjectCall.of(typedCall.call(), ObjectSchema.of(Library.class)))) {
      for (Library partial : stream.partials()) blackhole.consume(partial);
      blackhole.consume(stream.result());
    }
  }

  @Benchmark
  public void textStream(Blackhole blackhole) {
    try (PartStream parts = model.stream(textCall)) {
      for (StreamPart part : parts) blackhole.consume(part);
    }
  }

  @Benchmark
  public BareStreamingClient.Streamed bareClientInMemory() throws Exception {
    return BareStreamingClient.read(new ByteArrayInputStream(sseBody));
  }

  @Benchmark
  public void streamObjectTypedLeanDecoder(Blackhole blackhole) {
    try (ObjectStream<Library> stream =
        leanModel.streamObject(ObjectCall.of(typedCall.call(), ObjectSchema.of(Library.class)))) {
      for (Library partial : stream.partials()) blackhole.consume(partial);
      blackhole.consume(stream.result());
    }
  }
}
