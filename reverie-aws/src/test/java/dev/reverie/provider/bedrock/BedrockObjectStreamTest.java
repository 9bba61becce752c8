package dev.reverie.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.internal.framing.EventStreamFrames;
import dev.reverie.internal.json.Json;
import dev.reverie.testing.ScriptedTransport;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * A typed object streamed from Bedrock: a forced tool whose input arrives in event-stream chunks.
 */
class BedrockObjectStreamTest {
  record Person(String name, Integer age, String city) {}

  private static byte[] chunk(String json) {
    return EventStreamFrames.bedrockChunk(json);
  }

  private static String inputDelta(String partial) {
    return "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
        + "\"partial_json\":"
        + Json.write(Json.MAPPER.getNodeFactory().textNode(partial))
        + "}}";
  }

  @Test
  void partialsFillInAsTheToolInputStreams() {
    byte[] body =
        EventStreamFrames.concat(
            chunk("{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":20}}}"),
            chunk(
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":"
                    + "\"tool_use\",\"id\":\"toolu_1\",\"name\":\"Person\",\"input\":{}}}"),
            chunk(inputDelta("{\"name\": \"Ali")),
            chunk(inputDelta("ce\", \"age\": 30, \"ci")),
            chunk(inputDelta("ty\": \"Paris\"}")),
            chunk("{\"type\":\"content_block_stop\",\"index\":0}"),
            chunk(
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},"
                    + "\"usage\":{\"output_tokens\":15}}"),
            chunk("{\"type\":\"message_stop\"}"));
    var transport =
        new ScriptedTransport().respond(200, "application/vnd.amazon.eventstream", body, 50);
    var model =
        Bedrock.builder()
            .apiKey("k")
            .retryPolicy(RetryPolicy.none())
            .transport(transport)
            .build()
            .languageModel("us.anthropic.claude-haiku-4-5-20251001-v1:0");

    var partials = new ArrayList<Person>();
    Person done;
    try (var stream = model.streamObject(Person.class, Prompt.user("Alice, 30, Paris"))) {
      stream.partials().forEach(partials::add);
      done = stream.result().object();
    }

    assertThat(done).isEqualTo(new Person("Alice", 30, "Paris"));
    assertThat(partials).first().satisfies(p -> assertThat(p.age()).isNull());
    assertThat(partials).last().isEqualTo(done);
    var sent = Json.parse(transport.requests().get(0).bodyText(), "request");
    assertThat(sent.path("tool_choice").path("type").asText()).isEqualTo("tool");
    assertThat(sent.path("tool_choice").has("disable_parallel_tool_use")).isFalse();
    assertThat(sent.path("anthropic_version").asText()).isEqualTo("bedrock-2023-05-31");
  }
}
