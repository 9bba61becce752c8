package dev.reverie.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.Prompt;
import dev.reverie.error.ConversationFormatException;
import dev.reverie.error.ConversationFormatException.Problem;
import dev.reverie.error.ReverieException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What a reader refuses, and how it says so: typed, with the place, nothing dropped. */
class ConversationJsonRejectionTest {

  private static void rejected(ThrowingCallable read, Problem problem, String path, String text) {
    assertThatThrownBy(read)
        .isInstanceOf(ConversationFormatException.class)
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining(text)
        .satisfies(
            e -> {
              var error = (ConversationFormatException) e;
              assertThat(error.problem()).isEqualTo(problem);
              assertThat(error.path()).isEqualTo(path);
            });
  }

  private static final String PROMPT_WITH_PART =
      "{\"version\":1,\"prompt\":{\"messages\":[{\"role\":\"user\",\"parts\":[%s]}]}}";

  @Test
  void anUnknownPartTypeIsRejectedNotDropped() {
    rejected(
        () ->
            ConversationJson.readPrompt(
                PROMPT_WITH_PART.formatted("{\"type\":\"hologram\",\"text\":\"hi\"}")),
        Problem.UNKNOWN_TYPE,
        "/prompt/messages/0/parts/0/type",
        "unknown part type 'hologram'");
  }

  @Test
  void anUnknownToolOutputTypeIsRejected() {
    rejected(
        () ->
            ConversationJson.readPart(
                "{\"version\":1,\"part\":{\"type\":\"tool_result\",\"tool_call_id\":\"1\","
                    + "\"tool_name\":\"t\",\"output\":{\"type\":\"video\"}}}"),
        Problem.UNKNOWN_TYPE,
        "/part/output/type",
        "unknown tool output type 'video'");
  }

  @Test
  void anUnknownToolTypeIsRejected() {
    rejected(
        () -> ConversationJson.readToolSpec("{\"version\":1,\"tool\":{\"type\":\"mcp\"}}"),
        Problem.UNKNOWN_TYPE,
        "/tool/type",
        "unknown tool type 'mcp'");
  }

  @Test
  void aNewerVersionIsRejected() {
    rejected(
        () -> ConversationJson.readPrompt("{\"version\":2,\"prompt\":{\"messages\":[]}}"),
        Problem.NEWER_VERSION,
        "/version",
        "format version 2; this Reverie reads version 1");
  }

  @Test
  void aMissingVersionIsRejected() {
    rejected(
        () -> ConversationJson.readPrompt("{\"prompt\":{\"messages\":[]}}"),
        Problem.MALFORMED,
        "",
        "no \"version\"");
  }

  @Test
  void anotherKindOfDocumentIsRejected() {
    String message = ConversationJson.write(dev.reverie.message.Message.user("hi"));
    rejected(
        () -> ConversationJson.readPrompt(message),
        Problem.WRONG_KIND,
        "",
        "expected a prompt document, found message");
  }

  @Test
  void missingMembersAndWrongKindsAreRejectedWithTheirPlace() {
    rejected(
        () -> ConversationJson.readPrompt(PROMPT_WITH_PART.formatted("{\"type\":\"text\"}")),
        Problem.MALFORMED,
        "/prompt/messages/0/parts/0",
        "\"text\" is missing");
    rejected(
        () ->
            ConversationJson.readPrompt(
                PROMPT_WITH_PART.formatted("{\"type\":\"text\",\"text\":7}")),
        Problem.MALFORMED,
        "/prompt/messages/0/parts/0/text",
        "expected a string, found number");
  }

  @Test
  void mediaMustBeInTheTableAndMatchItsDigest() {
    rejected(
        () ->
            ConversationJson.readPrompt(
                PROMPT_WITH_PART.formatted(
                    "{\"type\":\"file\",\"media_type\":\"image/png\",\"media\":\"sha256:00\"}")),
        Problem.MALFORMED,
        "/prompt/messages/0/parts/0/media",
        "not in the document's media table");
    String tampered =
        PROMPT_WITH_PART
                .formatted(
                    "{\"type\":\"file\",\"media_type\":\"image/png\",\"media\":\"sha256:00\"}")
                .replaceFirst("}$", "")
            + ",\"media\":{\"sha256:00\":\"AAEC\"}}";
    rejected(
        () -> ConversationJson.readPrompt(tampered),
        Problem.MALFORMED,
        "/media/sha256:00",
        "does not match its digest");
  }

  @Test
  void textThatIsNotJsonIsRejected() {
    rejected(
        () -> ConversationJson.readPrompt("{\"version\":1,"), Problem.MALFORMED, "", "not JSON");
  }

  @Test
  void unknownMembersAreIgnored() {
    assertThat(
            ConversationJson.readPrompt(
                "{\"version\":1,\"note\":\"x\",\"prompt\":{\"messages\":[{\"role\":\"user\","
                    + "\"parts\":[{\"type\":\"text\",\"text\":\"hi\",\"lang\":\"en\"}]}]}}"))
        .isEqualTo(Prompt.user("hi"));
  }
}
