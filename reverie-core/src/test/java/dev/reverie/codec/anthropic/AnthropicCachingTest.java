package dev.reverie.codec.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.ProviderData;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonValue;
import dev.reverie.message.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache-marker placement policy. */
class AnthropicCachingTest {

  private static boolean marked(Message message) {
    return message
        .providerData()
        .get("anthropic")
        .map(JsonValue::toJsonNode)
        .map(data -> data.path("cache_control").path("type").asText().equals("ephemeral"))
        .orElse(false);
  }

  @Test
  void marksLastLeadingSystemMessageAndLastTwoMessages() {
    var messages =
        List.of(
            Message.system("a"),
            Message.system("b"),
            Message.user("1"),
            Message.assistant("2"),
            Message.system("late"),
            Message.user("3"),
            Message.assistant("4"));
    var result = AnthropicCaching.markLastMessages(messages);
    assertThat(result)
        .extracting(AnthropicCachingTest::marked)
        .containsExactly(false, true, false, false, false, true, true);
    assertThat(messages).noneMatch(AnthropicCachingTest::marked);
  }

  @Test
  void isIdempotentAndRemovesStaleMarkersButKeepsOtherData() {
    var other = ProviderData.of("openai", Json.object().put("user", "u"));
    var staleWithExtra =
        Message.user("1")
            .withProviderData(
                AnthropicCaching.ephemeral()
                    .merge(ProviderData.of("anthropic", Json.object().put("keep", true)))
                    .merge(other));
    var messages =
        List.of(staleWithExtra, Message.assistant("2"), Message.user("3"), Message.assistant("4"));
    var once = AnthropicCaching.markLastMessages(messages);
    assertThat(once)
        .extracting(AnthropicCachingTest::marked)
        .containsExactly(false, false, true, true);
    assertThat(once.get(0).providerData().get("openai")).isPresent();
    assertThat(
            once.get(0)
                .providerData()
                .get("anthropic")
                .orElseThrow()
                .toJsonNode()
                .path("keep")
                .asBoolean())
        .isTrue();
    assertThat(AnthropicCaching.markLastMessages(once)).isEqualTo(once);
  }

  @Test
  void shortConversations() {
    assertThat(AnthropicCaching.markLastMessages(List.of())).isEmpty();
    assertThat(AnthropicCaching.markLastMessages(List.of(Message.user("only"))))
        .extracting(AnthropicCachingTest::marked)
        .containsExactly(true);
  }
}
