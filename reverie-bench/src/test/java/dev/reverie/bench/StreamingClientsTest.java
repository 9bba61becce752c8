package dev.reverie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.LanguageModel;
import dev.reverie.ObjectStream;
import dev.reverie.Prompt;
import dev.reverie.provider.openai.OpenAi;
import org.junit.jupiter.api.Test;

/** Both sides of the end-to-end bench read the whole generated object back, over loopback. */
class StreamingClientsTest {
  private final Library library = DocumentGenerator.library(5_000);
  private final String document = DocumentGenerator.json(library);
  private final byte[] body = OpenAiSseBody.of(Deltas.split(document, Deltas.WIDTH));

  @Test
  void theBareClientReadsEveryContentDelta() throws Exception {
    try (var server = LoopbackSseServer.start(body)) {
      var streamed = new BareStreamingClient(server.baseUrl()).stream();
      assertThat(streamed.content()).isEqualTo(document);
      assertThat(streamed.contentChunks()).isEqualTo((document.length() + 3) / 4);
    }
  }

  @Test
  void streamObjectReadsTheTypedObjectOverLoopback() throws Exception {
    try (var server = LoopbackSseServer.start(body)) {
      LanguageModel model =
          OpenAi.builder().apiKey("k").baseUrl(server.baseUrl()).build().languageModel("o4-mini");
      assertTypedStream(model);
    }
  }

  @Test
  void streamObjectReadsTheTypedObjectFromMemory() {
    LanguageModel model =
        OpenAi.builder()
            .apiKey("k")
            .transport(new InMemorySseTransport(body))
            .build()
            .languageModel("o4-mini");
    assertTypedStream(model);
  }

  @Test
  void streamObjectReadsTheTypedObjectOverTheLeanDecoder() {
    LanguageModel model =
        LanguageModel.of(
            new LeanDecodingModel(new InMemorySseTransport(body), "http://in-memory/v1"));
    assertTypedStream(model);
  }

  private void assertTypedStream(LanguageModel model) {
    try (ObjectStream<Library> stream = model.streamObject(Library.class, Prompt.user("go"))) {
      int partials = 0;
      for (Library partial : stream.partials()) {
        assertThat(partial).isNotNull();
        partials++;
      }
      assertThat(partials).isGreaterThan(document.length() / 8);
      assertThat(stream.result().object()).isEqualTo(library);
    }
  }
}
