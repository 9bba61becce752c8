package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.stream.PartStream;
import dev.reverie.testing.ScriptedTransport;
import org.junit.jupiter.api.Test;

/**
 * A 200 whose body is not an event stream (a proxy's login page, a JSON error body) is reported
 * with its content type and an excerpt of the body, not fed to the event decoder.
 */
class WrongContentTypeTest {
  private static PartStream stream(ScriptedTransport transport) {
    return OpenAi.builder()
        .apiKey("k")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build()
        .languageModel("gpt-4o")
        .stream(Prompt.user("hi"));
  }

  @Test
  void anHtmlPageIsReportedWithItsTypeAndAnExcerpt() {
    var transport =
        new ScriptedTransport()
            .respond(200, "text/html; charset=utf-8", "<html><body>Proxy login</body></html>");
    assertThatThrownBy(() -> stream(transport))
        .isInstanceOf(StreamProtocolException.class)
        .hasMessage(
            "openai: expected a text/event-stream body but the response (status 200) is"
                + " text/html; charset=utf-8: <html><body>Proxy login</body></html>");
    assertThat(transport.closedResponses()).isEqualTo(1);
  }

  @Test
  void aJsonErrorWithStatus200IsReportedToo() {
    var transport =
        new ScriptedTransport()
            .respond(200, "application/json", "{\"error\":{\"message\":\"model overloaded\"}}");
    assertThatThrownBy(() -> stream(transport))
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("application/json: {\"error\":{\"message\":\"model overloaded\"}}");
  }

  @Test
  void anEventStreamWithParametersIsAccepted() {
    var transport =
        new ScriptedTransport()
            .respond(
                200,
                "Text/Event-Stream;charset=UTF-8",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Oi\"},"
                    + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
    try (PartStream parts = stream(transport)) {
      assertThat(parts.stream().filter(p -> p instanceof dev.reverie.stream.TextDelta).count())
          .isEqualTo(1);
    }
  }
}
