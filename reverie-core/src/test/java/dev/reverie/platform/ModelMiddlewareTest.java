package dev.reverie.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.LanguageModel;
import dev.reverie.ObjectResult;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.message.TextPart;
import dev.reverie.spi.ModelCapabilities;
import dev.reverie.spi.ModelMiddleware;
import dev.reverie.spi.ProviderModel;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.testing.StreamCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Middleware around a model's two calls, over a fake provider model (no HTTP). */
class ModelMiddlewareTest {
  public record Person(String name, int age) {}

  private static final String PERSON_JSON = "{\"name\":\"Ada\",\"age\":36}";

  /** Answers every call with {@code answer}, as a response or as a stream, and logs the calls. */
  static final class FakeModel implements ProviderModel {
    final List<String> log;
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger streamsClosed = new AtomicInteger();
    private final String answer;

    FakeModel(List<String> log, String answer) {
      this.log = log;
      this.answer = answer;
    }

    @Override
    public String providerId() {
      return "fake";
    }

    @Override
    public String modelId() {
      return "fake-1";
    }

    @Override
    public ModelCapabilities capabilities() {
      return ModelCapabilities.nativeJson();
    }

    @Override
    public Response generate(Call call) {
      log.add("model:generate");
      calls.add(call);
      return new Response(
          List.of(TextPart.of(answer)),
          FinishReason.STOP,
          Usage.of(3, 4),
          List.of(),
          ProviderData.EMPTY);
    }

    @Override
    public PartStream stream(Call call) {
      log.add("model:stream");
      calls.add(call);
      List<StreamPart> parts =
          List.of(
              new StreamStart(List.of()),
              new TextStart("text-0", ProviderData.EMPTY),
              new TextDelta("text-0", answer.substring(0, answer.length() / 2)),
              new TextDelta("text-0", answer.substring(answer.length() / 2)),
              new TextEnd("text-0", ProviderData.EMPTY),
              new Finish(Usage.of(3, 4), FinishReason.STOP, ProviderData.EMPTY));
      return PartStream.of(parts.iterator(), streamsClosed::incrementAndGet);
    }
  }

  /** Logs around each call it sees and keeps the calls. */
  static final class Recording implements ModelMiddleware {
    final String name;
    final List<String> log;
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    Recording(String name, List<String> log) {
      this.name = name;
      this.log = log;
    }

    @Override
    public Response generate(Call call, ProviderModel next) {
      seen.add("generate");
      calls.add(call);
      log.add(name + ":generate>");
      Response response = next.generate(call);
      log.add(name + ":generate<");
      return response;
    }

    @Override
    public PartStream stream(Call call, ProviderModel next) {
      seen.add("stream");
      calls.add(call);
      log.add(name + ":stream>");
      PartStream stream = next.stream(call);
      log.add(name + ":stream<");
      return stream;
    }
  }

  static List<String> newLog() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  @Test
  void aMiddlewareSeesGenerateStreamGenerateObjectAndStreamObject() {
    var log = newLog();
    var fake = new FakeModel(log, PERSON_JSON);
    var recording = new Recording("rec", log);
    LanguageModel model = LanguageModel.of(fake).with(recording);

    Response text = model.generate(Prompt.user("hello"));
    assertThat(text.text()).isEqualTo(PERSON_JSON);

    var streamed = StreamCollector.drain(model.stream(Prompt.user("hello")));
    assertThat(streamed.text()).isEqualTo(PERSON_JSON);
    assertThat(streamed.finish).isNotNull();

    ObjectResult<Person> object = model.generateObject(Person.class, Prompt.user("a person"));
    assertThat(object.object()).isEqualTo(new Person("Ada", 36));

    Person streamedObject;
    try (var stream = model.streamObject(Person.class, Prompt.user("a person"))) {
      streamedObject = stream.result().object();
    }
    assertThat(streamedObject).isEqualTo(new Person("Ada", 36));

    assertThat(recording.seen).containsExactly("generate", "stream", "generate", "stream");
    // Object calls reach the middleware already prepared: the schema is in the call.
    assertThat(recording.calls.get(2).responseFormat()).isNotNull();
    assertThat(recording.calls.get(2).responseFormat().name()).isEqualTo("Person");
    assertThat(recording.calls.get(3).responseFormat().name()).isEqualTo("Person");
    // The middleware passed every call on unchanged.
    assertThat(fake.calls).containsExactlyElementsOf(recording.calls);
    assertThat(fake.streamsClosed).hasValue(2);
  }

  @Test
  void theMiddlewareAddedLastIsOutermost() {
    var log = newLog();
    var inner = new Recording("inner", log);
    var outer = new Recording("outer", log);
    LanguageModel model = LanguageModel.of(new FakeModel(log, "hi")).with(inner).with(outer);

    model.generate(Prompt.user("x"));
    assertThat(log)
        .containsExactly(
            "outer:generate>",
            "inner:generate>",
            "model:generate",
            "inner:generate<",
            "outer:generate<");

    log.clear();
    StreamCollector.drain(model.stream(Prompt.user("x")));
    assertThat(log)
        .containsExactly(
            "outer:stream>", "inner:stream>", "model:stream", "inner:stream<", "outer:stream<");
  }

  @Test
  void aMiddlewareMayRewriteTheCallAndTheModelSeesTheRewrittenOne() {
    var log = newLog();
    var fake = new FakeModel(log, "hi");
    ModelMiddleware capTokens =
        new ModelMiddleware() {
          @Override
          public Response generate(Call call, ProviderModel next) {
            return next.generate(call.toBuilder().maxOutputTokens(7).build());
          }
        };
    LanguageModel model = LanguageModel.of(fake).with(capTokens);
    model.generate(Prompt.user("x"));
    StreamCollector.drain(model.stream(Prompt.user("x")));
    assertThat(fake.calls).extracting(Call::maxOutputTokens).containsExactly(7, null);
  }

  @Test
  void aMiddlewareMayAnswerWithoutTheProvider() {
    var log = newLog();
    var fake = new FakeModel(log, "from the provider");
    ModelMiddleware cache =
        new ModelMiddleware() {
          @Override
          public Response generate(Call call, ProviderModel next) {
            return new Response(
                List.of(TextPart.of("cached")),
                FinishReason.STOP,
                Usage.ZERO,
                List.of(),
                ProviderData.EMPTY);
          }
        };
    LanguageModel model = LanguageModel.of(fake).with(cache);
    assertThat(model.generate(Prompt.user("x")).text()).isEqualTo("cached");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void identityAndCapabilitiesPassThroughTheMiddleware() {
    var fake = new FakeModel(newLog(), "hi");
    LanguageModel model =
        LanguageModel.of(fake).with(new Recording("a", newLog())).with(new ModelMiddleware() {});
    assertThat(model.providerId()).isEqualTo("fake");
    assertThat(model.modelId()).isEqualTo("fake-1");
    assertThat(model.providerModel().capabilities()).isEqualTo(ModelCapabilities.nativeJson());
    assertThat(model.toString()).isEqualTo("LanguageModel[fake:fake-1]");
  }

  @Test
  void closingTheStreamOfAMiddlewareModelClosesTheProvidersStream() {
    var fake = new FakeModel(newLog(), "hello");
    LanguageModel model = LanguageModel.of(fake).with(new Recording("a", newLog()));
    try (PartStream stream = model.stream(Call.of(Prompt.user("x")))) {
      assertThat(stream.iterator().next()).isInstanceOf(StreamStart.class);
    }
    assertThat(fake.streamsClosed).hasValue(1);
  }
}
