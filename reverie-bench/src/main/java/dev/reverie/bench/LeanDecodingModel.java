package dev.reverie.bench;

import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.error.TransportException;
import dev.reverie.spi.ModelCapabilities;
import dev.reverie.spi.ProviderModel;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A what-if provider for the report, not a provider to use: OpenAI chat-completion text streaming
 * decoded the way {@link BareStreamingClient} does it (one decoded line per event, Jackson's
 * streaming parser reading only {@code choices[0].delta.content}, no tree per chunk), behind the
 * real {@link ProviderModel} SPI, so that {@code LanguageModel.streamObject} can run its real
 * object layer on top of a lean text layer. It shows what the object layer costs by itself and what
 * the decoder changes suggested in the README would buy.
 *
 * <p>Handles content deltas only: no tool calls, reasoning, usage, refusals or error events.
 */
public final class LeanDecodingModel implements ProviderModel {
  private static final String TEXT_ID = "text";
  private static final String REQUEST =
      "{\"model\":\"o4-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";

  private final Transport transport;
  private final URI uri;

  /** A model posting to {@code baseUrl + "/chat/completions"} through {@code transport}. */
  public LeanDecodingModel(Transport transport, String baseUrl) {
    this.transport = transport;
    this.uri = URI.create(baseUrl + "/chat/completions");
  }

  @Override
  public String providerId() {
    return "lean-openai";
  }

  @Override
  public String modelId() {
    return "o4-mini";
  }

  @Override
  public ModelCapabilities capabilities() {
    return ModelCapabilities.nativeJson();
  }

  @Override
  public Response generate(Call call) {
    throw new UnsupportedOperationException("the what-if model only streams");
  }

  @Override
  public PartStream stream(Call call) {
    HttpResponse response =
        transport.send(
            HttpRequest.postJson(uri, HttpHeaders.of("Authorization", "Bearer k"), REQUEST));
    var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    return PartStream.of(new Parts(reader), response::close);
  }

  /** Decodes one event per {@code hasNext} that needs a part. */
  private static final class Parts implements Iterator<StreamPart> {
    private final BufferedReader reader;
    private final ArrayDeque<StreamPart> pending = new ArrayDeque<>();
    private final StringBuilder content = new StringBuilder();
    private boolean done;

    Parts(BufferedReader reader) {
      this.reader = reader;
      pending.add(new StreamStart(List.of()));
      pending.add(new TextStart(TEXT_ID, ProviderData.EMPTY));
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty() && !done) readEvent();
      return !pending.isEmpty();
    }

    @Override
    public StreamPart next() {
      if (!hasNext()) throw new NoSuchElementException();
      return pending.poll();
    }

    private void readEvent() {
      try {
        String line = reader.readLine();
        if (line == null || line.equals("data: [DONE]")) {
          done = true;
          pending.add(new TextEnd(TEXT_ID, ProviderData.EMPTY));
          pending.add(new Finish(Usage.ZERO, FinishReason.STOP, ProviderData.EMPTY));
          return;
        }
        if (!line.startsWith("data: ")) return;
        content.setLength(0);
        if (BareStreamingClient.appendContent(line.substring(6), content)) {
          pending.add(new TextDelta(TEXT_ID, content.toString()));
        }
      } catch (IOException e) {
        done = true;
        pending.add(
            new dev.reverie.stream.Error(
                new TransportException("reading the event stream failed", e)));
      }
    }
  }
}
