package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestMatcherTest {
  private static final String URL = "https://api.example.com/v1/messages?beta=true";

  private static Interaction recorded(String method, String url, String body) {
    return new Interaction(
        4,
        new RecordedRequest(method, url, HttpHeaders.EMPTY, body),
        new RecordedResponse(200, "200 OK", HttpHeaders.EMPTY, new byte[0], -1, ""));
  }

  private static HttpRequest sent(String method, String url, String body) {
    return new HttpRequest(
        method,
        URI.create(url),
        HttpHeaders.of("Authorization", "Bearer sk-secret"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void identicalBodiesAreAnExactMatch() {
    RequestCheck check =
        RequestMatcher.check(recorded("POST", URL, "{\"a\":1}"), sent("POST", URL, "{\"a\":1}"));
    assertThat(check.outcome()).isEqualTo(MatchOutcome.EXACT);
    assertThat(check.matched()).isTrue();
    assertThat(check.interactionId()).isEqualTo(4);
    assertThat(check.method()).isEqualTo("POST");
    assertThat(check.url()).isEqualTo(URL);
    assertThat(check.difference()).isEmpty();
  }

  @Test
  void lineEndingsAreNormalizedBeforeComparing() {
    assertThat(
            RequestMatcher.check(
                    recorded("POST", URL, "{\"t\":\"a\\nb\"}\n"),
                    sent("POST", URL, "{\"t\":\"a\\r\\nb\"}\r\n"))
                .outcome())
        .isEqualTo(MatchOutcome.EXACT);
  }

  @Test
  void reorderedAndReformattedJsonIsJsonEqual() {
    RequestCheck check =
        RequestMatcher.check(
            recorded("POST", URL, "{\n  \"b\": [1, 2.0, {\"x\": null}],\n  \"a\": \"s\"\n}\n"),
            sent("POST", URL, "{\"a\":\"s\",\"b\":[1.0,2,{\"x\":null}]}"));
    assertThat(check.outcome()).isEqualTo(MatchOutcome.JSON_EQUAL);
    assertThat(check.matched()).isTrue();
  }

  @Test
  void jsonEqualFollowsTheRecordersRules() {
    assertThat(RequestMatcher.jsonEqual("{\"a\":1,\"b\":2}", "{ \"b\" : 2 , \"a\" : 1 }")).isTrue();
    assertThat(RequestMatcher.jsonEqual("{\"n\":1}", "{\"n\":1.0}")).isTrue();
    assertThat(RequestMatcher.jsonEqual("{\"n\":100}", "{\"n\":1e2}")).isTrue();
    assertThat(RequestMatcher.jsonEqual("not json", "not json")).isTrue();
    assertThat(RequestMatcher.jsonEqual("{\"n\":1}", "{\"n\":\"1\"}")).isFalse();
    assertThat(RequestMatcher.jsonEqual("{\"n\":null}", "{}")).isFalse();
    assertThat(RequestMatcher.jsonEqual("{\"n\":[]}", "{}")).isFalse();
    assertThat(RequestMatcher.jsonEqual("{\"n\":true}", "{\"n\":1}")).isFalse();
    assertThat(RequestMatcher.jsonEqual("[1,2]", "[2,1]")).isFalse();
    assertThat(RequestMatcher.jsonEqual("{\"s\":\"{\\\"a\\\":1}\"}", "{\"s\":\"{\\\"a\\\": 1}\"}"))
        .as("strings holding JSON must match as strings")
        .isFalse();
    assertThat(RequestMatcher.jsonEqual("{\"a\":1}", "{\"a\":1} trailing")).isFalse();
    assertThat(RequestMatcher.jsonEqual("{\"a\":1}", "")).isFalse();
  }

  @Test
  void methodAndUrlMustBeIdentical() {
    RequestCheck method = RequestMatcher.check(recorded("POST", URL, "{}"), sent("PUT", URL, "{}"));
    assertThat(method.outcome()).isEqualTo(MatchOutcome.MISMATCH);
    assertThat(method.difference()).isEqualTo("method: recorded POST but sent PUT");

    RequestCheck query =
        RequestMatcher.check(
            recorded("POST", URL, "{}"), sent("POST", "https://api.example.com/v1/messages", "{}"));
    assertThat(query.matched()).isFalse();
    assertThat(query.difference())
        .isEqualTo(
            "url: recorded https://api.example.com/v1/messages?beta=true but sent"
                + " https://api.example.com/v1/messages");

    String escaped = "https://bedrock.example.com/model/claude-v1%3A0/invoke";
    assertThat(
            RequestMatcher.check(
                    recorded("POST", escaped, "{}"),
                    sent("POST", "https://bedrock.example.com/model/claude-v1:0/invoke", "{}"))
                .matched())
        .isFalse();
  }

  @Test
  void firstDifferenceNamesAJsonPointerAndBothValues() {
    assertThat(
            RequestMatcher.firstDifference(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "{\"messages\":[{\"content\":\"hello\",\"role\":\"user\"}]}"))
        .hasValue("/messages/0/content: recorded \"hi\" but sent \"hello\"");
    assertThat(RequestMatcher.firstDifference("{\"a\":1,\"b\":null}", "{\"a\":1}"))
        .hasValue("/b: recorded null but sent nothing");
    assertThat(RequestMatcher.firstDifference("{\"a\":1}", "{\"a\":1,\"stream\":true}"))
        .hasValue("/stream: recorded nothing but sent true");
    assertThat(RequestMatcher.firstDifference("{\"a\":[1,2]}", "{\"a\":[1]}"))
        .hasValue("/a: recorded 2 elements but sent 1; first missing: 2");
    assertThat(RequestMatcher.firstDifference("{\"a/b~c\":1}", "{\"a/b~c\":2}"))
        .hasValue("/a~1b~0c: recorded 1 but sent 2");
    assertThat(RequestMatcher.firstDifference("[1]", "{}"))
        .hasValue("(root): recorded [1] but sent {}");
    assertThat(RequestMatcher.firstDifference("{\"n\":1}", "{\"n\":1.0}")).isEmpty();
  }

  @Test
  void longValuesAreTruncatedAroundTheDifference() {
    String prefix = "x".repeat(500);
    String difference =
        RequestMatcher.firstDifference(
                "{\"args\":\"" + prefix + "AAA" + "\"}", "{\"args\":\"" + prefix + "BBB" + "\"}")
            .orElseThrow();
    assertThat(difference)
        .startsWith("/args: strings differ; first difference at character 500")
        .contains("AAA")
        .contains("BBB")
        .hasSizeLessThan(200);
    String longObject = "{\"k\":\"" + "y".repeat(300) + "\"}";
    assertThat(RequestMatcher.firstDifference("{\"a\":1}", "{\"a\":1,\"b\":" + longObject + "}"))
        .hasValueSatisfying(text -> assertThat(text).hasSizeLessThan(150).endsWith("…"));
  }

  @Test
  void nonJsonBodiesGetATextDifference() {
    assertThat(RequestMatcher.firstDifference("hello world", "hello there"))
        .hasValue(
            "neither body is JSON; first difference at character 6: recorded \"hello world\""
                + " but sent \"hello there\"");
    assertThat(RequestMatcher.firstDifference("{\"a\":1}", "{\"a\":"))
        .hasValueSatisfying(text -> assertThat(text).startsWith("the sent body is not JSON"));
  }

  @Test
  void mismatchNeverShowsCredentials() {
    RequestCheck check =
        RequestMatcher.check(
            recorded("POST", "https://g.example/v1?key=recorded-secret", "{}"),
            sent("POST", "https://g.example/v1?key=sent-secret", "{}"));
    assertThat(check.toString() + check.difference())
        .doesNotContain("recorded-secret")
        .doesNotContain("sent-secret")
        .doesNotContain("sk-secret");
  }

  @Test
  void aKeyInTheQueryMatchesTheRedactedRecording() {
    String recordedUrl = "https://g.example.com/v1/m:generate?alt=sse&key=REDACTED";
    RequestCheck check =
        RequestMatcher.check(
            recorded("POST", recordedUrl, "{}"),
            sent("POST", "https://g.example.com/v1/m:generate?alt=sse&key=AIzaSENT", "{}"));

    assertThat(check.outcome()).isEqualTo(MatchOutcome.EXACT);
    assertThat(check.url()).doesNotContain("AIzaSENT");
  }

  @Test
  void aRawKeyInARecordingMatchesAnyKey() {
    RequestCheck check =
        RequestMatcher.check(
            recorded("POST", "https://g.example.com/v1/m?key=AIzaRECORDED", "{}"),
            sent("POST", "https://g.example.com/v1/m?key=dummy", "{}"));

    assertThat(check.matched()).isTrue();
  }

  @Test
  void redactionIgnoresOnlyTheSecretsValues() {
    Interaction interaction =
        recorded("POST", "https://g.example.com/v1/m?alt=sse&key=REDACTED", "{}");

    assertThat(
            RequestMatcher.check(
                    interaction, sent("POST", "https://g.example.com/v1/m?alt=json&key=k", "{}"))
                .matched())
        .isFalse();
    assertThat(
            RequestMatcher.check(
                    interaction, sent("POST", "https://g.example.com/v1/m?alt=sse", "{}"))
                .matched())
        .isFalse();
    RequestCheck otherName =
        RequestMatcher.check(
            interaction, sent("POST", "https://g.example.com/v1/m?alt=sse&token=k", "{}"));
    assertThat(otherName.matched()).isFalse();
    assertThat(otherName.difference()).doesNotContain("=k");
  }
}
