package dev.reverie.codec.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.internal.framing.EventStreamFrames;
import dev.reverie.internal.framing.EventStreamReader;
import dev.reverie.internal.json.Json;
import dev.reverie.internal.sse.SseReader;
import dev.reverie.stream.StreamPart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Messages event handling is one state machine whatever framed the events: the recorded Bedrock
 * streams, unwrapped and fed to {@link AnthropicStreamDecoder#onEvent}, give exactly the parts the
 * same events give as SSE.
 */
class AnthropicEventFramingTest {

  @Test
  void everyRecordedBedrockStreamDecodesAsTheSameEventsOverSse() {
    for (String name : EventStreamFrames.recordedNames()) {
      var events = new ArrayList<String>();
      try (var reader =
          new EventStreamReader(new ByteArrayInputStream(EventStreamFrames.recorded(name)))) {
        while (reader.advance()) {
          String bytes = Json.parse(reader.current().payloadText(), "chunk").path("bytes").asText();
          events.add(new String(Base64.getDecoder().decode(bytes), StandardCharsets.UTF_8));
        }
      }

      var fed = new ArrayList<StreamPart>();
      var direct = new AnthropicStreamDecoder("");
      for (int i = 0; i < events.size(); i++) {
        direct.onEvent("", events.get(i), "in message " + (i + 1), fed::add);
      }
      if (!direct.isDone()) direct.onEnd(fed::add);

      assertThat(fed).as(name).isEqualTo(overSse(events));
      assertThat(fed).as(name).last().isInstanceOf(dev.reverie.stream.Finish.class);
    }
  }

  private static List<StreamPart> overSse(List<String> events) {
    var sse = new StringBuilder();
    for (String event : events) {
      String type = Json.parse(event, "event").path("type").asText();
      sse.append("event: ").append(type).append('\n').append("data: ").append(event).append("\n\n");
    }
    var parts = new ArrayList<StreamPart>();
    var decoder = new AnthropicStreamDecoder("");
    try (var reader =
        new SseReader(new ByteArrayInputStream(sse.toString().getBytes(StandardCharsets.UTF_8)))) {
      while (!decoder.isDone() && reader.advance()) decoder.onFrame(reader.current(), parts::add);
    }
    if (!decoder.isDone()) decoder.onEnd(parts::add);
    return parts;
  }
}
