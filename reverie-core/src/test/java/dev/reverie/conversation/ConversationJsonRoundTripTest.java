package dev.reverie.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.Prompt;
import dev.reverie.agent.AgentResult;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import dev.reverie.message.FilePart;
import dev.reverie.message.Message;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Write → read → equal, over values generated from fixed seeds (deterministic), for every type
 * {@link ConversationJson} stores; and writing what was read gives the same text again.
 */
class ConversationJsonRoundTripTest {
  private static final int CASES = 300;

  private static <T> void roundTrips(
      LongFunction<T> generate, Function<T, String> write, Function<String, T> read) {
    for (long seed = 0; seed < CASES; seed++) {
      T value = generate.apply(seed);
      String json = write.apply(value);
      T back = read.apply(json);
      assertThat(back).as("seed %d: %s", seed, json).isEqualTo(value);
      assertThat(write.apply(back)).as("seed %d, written again", seed).isEqualTo(json);
    }
  }

  @Test
  void parts() {
    roundTrips(
        seed -> new RandomConversationValues(seed).part(),
        ConversationJson::write,
        ConversationJson::readPart);
  }

  @Test
  void messages() {
    roundTrips(
        seed -> new RandomConversationValues(seed).message(),
        ConversationJson::write,
        ConversationJson::readMessage);
  }

  @Test
  void prompts() {
    roundTrips(
        seed -> new RandomConversationValues(seed).prompt(),
        ConversationJson::write,
        ConversationJson::readPrompt);
  }

  @Test
  void toolSpecs() {
    roundTrips(
        seed -> new RandomConversationValues(seed).toolSpec(),
        ConversationJson::write,
        ConversationJson::readToolSpec);
  }

  @Test
  void responses() {
    roundTrips(
        seed -> new RandomConversationValues(seed).response(),
        ConversationJson::write,
        ConversationJson::readResponse);
  }

  @Test
  void steps() {
    roundTrips(
        seed -> new RandomConversationValues(seed).step((int) seed),
        ConversationJson::write,
        ConversationJson::readStep);
  }

  @Test
  void agentResults() {
    roundTrips(
        seed -> new RandomConversationValues(seed).agentResult(),
        ConversationJson::write,
        ConversationJson::readAgentResult);
  }

  @Test
  void theSameMediaIsStoredOnceWhereverItOccurs() {
    byte[] image = new byte[30_000];
    new java.util.Random(7).nextBytes(image);
    var file = FilePart.of("cat.png", "image/png", image);
    var result =
        ToolResultPart.of("call_1", "screenshot", new ToolOutput.Media(image, "image/png", ""));
    Prompt prompt =
        Prompt.of(
            Message.user("Look", file), Message.tool(List.of(result)), Message.user("Again", file));

    String json = ConversationJson.write(prompt);

    String base64 = java.util.Base64.getEncoder().encodeToString(image);
    assertThat(json.split(java.util.regex.Pattern.quote(base64), -1)).hasSize(2);
    JsonObject media = (JsonObject) ((JsonObject) JsonValue.parse(json)).get("media").orElseThrow();
    assertThat(media.names()).singleElement().asString().startsWith("sha256:");
    assertThat(ConversationJson.readPrompt(json)).isEqualTo(prompt);
  }

  @Test
  void aDocumentNamesItsVersionAndKindFirst() {
    String json = ConversationJson.write(Prompt.user("hi"));
    assertThat(json)
        .isEqualTo(
            "{\"version\":1,\"prompt\":{\"messages\":[{\"role\":\"user\",\"parts\":"
                + "[{\"type\":\"text\",\"text\":\"hi\"}]}]}}");
  }

  @Test
  void anAgentResultWithRepeatedMessagesKeepsMediaOnce() {
    var values = new RandomConversationValues(99);
    AgentResult result = values.agentResult();
    String json = ConversationJson.write(result);
    assertThat(ConversationJson.readAgentResult(json)).isEqualTo(result);
  }
}
