package dev.reverie.codec.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatChunkReaderTest {
  private static final String CHUNK =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
          + "\"model\":\"o4-mini\",\"system_fingerprint\":null,\"choices\":[{\"index\":0,"
          + "\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}],\"usage\":null,"
          + "\"obfuscation\":\"abc\"}";

  private static ChatChunk read(ChatChunkReader reader, String text, boolean identity)
      throws IOException {
    // Padding around the range proves the reader reads only the range it is given.
    byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.UTF_8);
    return reader.read(bytes, 2, bytes.length - 4, identity);
  }

  @Test
  void oneReaderReadsChunkAfterChunk() throws IOException {
    var reader = new ChatChunkReader();
    ChatChunk first = read(reader, CHUNK.formatted("{\\\"ti"), true);
    assertThat(first.id()).isEqualTo("chatcmpl-1");
    assertThat(first.model()).isEqualTo("o4-mini");
    assertThat(first.usage().isNull()).isTrue();
    assertThat(first.choices())
        .singleElement()
        .satisfies(c -> assertThat(c.content()).isEqualTo("{\"ti"));
    for (int i = 0; i < 1000; i++) {
      ChatChunk next = read(reader, " " + CHUNK.formatted("caf\u00e9 " + i) + " \t", false);
      assertThat(next.id()).as("identity skipped").isEmpty();
      assertThat(next.choices().get(0).content()).isEqualTo("caf\u00e9 " + i);
    }
  }

  @Test
  void eventsLargerThanTheParsersBufferAreReadWholeAndAlone() throws IOException {
    var reader = new ChatChunkReader();
    String big = "x".repeat(20_000);
    assertThat(read(reader, CHUNK.formatted("a"), true).choices().get(0).content()).isEqualTo("a");
    ChatChunk large = read(reader, CHUNK.formatted(big) + " ".repeat(9_000), false);
    assertThat(large.choices().get(0).content()).isEqualTo(big);
    assertThat(read(reader, CHUNK.formatted("b"), false).choices().get(0).content()).isEqualTo("b");
    // Garbage far behind the object, beyond what the parser has buffered, is still seen.
    assertThatThrownBy(() -> read(reader, CHUNK.formatted("c") + " ".repeat(9_000) + "x", false))
        .isInstanceOf(ChatChunkReader.NotAnObjectException.class);
  }

  @Test
  void anObjectCutShortFailsRatherThanWaitingForTheNextEvent() throws IOException {
    var reader = new ChatChunkReader();
    read(reader, CHUNK.formatted("a"), true);
    assertThatThrownBy(() -> read(reader, "{\"id\":\"x\",\"choices\":[", false))
        .isInstanceOf(IOException.class);
  }

  @Test
  void usageErrorAndOtherDeltaFieldsAreKeptAsTrees() throws IOException {
    var reader = new ChatChunkReader();
    ChatChunk usage =
        read(
            reader,
            "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}",
            true);
    assertThat(usage.choices()).isEmpty();
    assertThat(usage.usage().path("completion_tokens").asInt()).isEqualTo(4);
    ChatChunk tools =
        read(
            reader,
            "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"index\":0,\"id\":\"call_1\"}]},\"finish_reason\":\"tool_calls\"},"
                + "{\"index\":1,\"delta\":{\"content\":\"b\"}}]}",
            true);
    assertThat(tools.choices()).hasSize(2);
    assertThat(tools.choices().get(0).content()).isEmpty();
    assertThat(tools.choices().get(0).deltaRest().path("tool_calls").get(0).path("id").asText())
        .isEqualTo("call_1");
    assertThat(tools.choices().get(0).finishReason()).isEqualTo("tool_calls");
    assertThat(tools.choices().get(1).index()).isEqualTo(1);
    ChatChunk error =
        read(reader, "{\"error\":{\"type\":\"server_error\",\"message\":\"m\"}}", true);
    assertThat(error.error().path("type").asText()).isEqualTo("server_error");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[1,2]",
        "\"text\"",
        "{\"a\":1} x",
        "{\"a\":1} tru",
        "{\"a\":1}{\"b\":2}",
        "{\"a\":1} \"x}",
        "{\"a\":1} 12",
      })
  void anythingButOneObjectIsNotAChunk(String data) {
    assertThatThrownBy(() -> read(new ChatChunkReader(), data, true))
        .isInstanceOf(ChatChunkReader.NotAnObjectException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":\"x\"",
        "{\"id\":",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a",
        "{\"choices\":[1]}",
        "{\"id\":tru}",
        "{'id':'x'}",
      })
  void brokenOrCutShortJsonFails(String data) {
    assertThatThrownBy(() -> read(new ChatChunkReader(), data, true))
        .isInstanceOf(IOException.class);
  }

  @Test
  void invalidUtf8IsAnError() {
    byte[] bytes = "{\"id\":\"a\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 3] = (byte) 0xff; // the second byte of é
    assertThatThrownBy(() -> new ChatChunkReader().read(bytes, 0, bytes.length, true))
        .isInstanceOf(IOException.class);
  }
}
