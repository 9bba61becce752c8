package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteTest {
  private static Cassette parse(String yaml) {
    return Cassette.load(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline.yaml");
  }

  private static final String MINIMAL =
      """
      ---
      version: 2
      interactions:
      - id: 0
        request:
          proto: HTTP/1.1
          proto_major: 1
          proto_minor: 1
          content_length: 11
          host: ""
          body: '{"a":''x''}'
          headers:
            Content-Type:
            - application/json
            X-Multi:
            - one
            - two
          url: https://api.example.com/v1/x?alt=sse
          method: POST
        response:
          proto: HTTP/2.0
          proto_major: 2
          proto_minor: 0
          content_length: -1
          body: |+
            data: 1.0

            data: true


          headers:
            Content-Type:
            - text/event-stream
          status: 200 OK
          code: 200
          duration: 1.5s
      """;

  @Test
  void readsEveryFieldOfAnInteraction() {
    Cassette cassette = parse(MINIMAL);

    assertThat(cassette.source()).isEqualTo("inline.yaml");
    assertThat(cassette.interactions()).hasSize(1);
    Interaction interaction = cassette.interactions().get(0);
    assertThat(interaction.id()).isZero();
    RecordedRequest request = interaction.request();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.url()).isEqualTo("https://api.example.com/v1/x?alt=sse");
    assertThat(request.body()).isEqualTo("{\"a\":'x'}");
    assertThat(request.headers().all("content-type")).containsExactly("application/json");
    assertThat(request.headers().all("x-multi")).containsExactly("one", "two");
    RecordedResponse response = interaction.response();
    assertThat(response.code()).isEqualTo(200);
    assertThat(response.status()).isEqualTo("200 OK");
    assertThat(response.contentLength()).isEqualTo(-1);
    assertThat(response.duration()).isEqualTo("1.5s");
    assertThat(response.headers().first("Content-Type")).hasValue("text/event-stream");
    // "|+" keeps every trailing newline; plain scalars such as 1.0 and true stay text.
    assertThat(response.bodyText()).isEqualTo("data: 1.0\n\ndata: true\n\n\n");
  }

  @Test
  void readsARealStreamingCassette() {
    Cassette cassette =
        Cassette.load(
            TestCassettes.path(
                "TestOpenAIObjectGeneration/openai-o4-mini/complex_object_streaming.yaml"));

    Interaction interaction = cassette.interactions().get(0);
    assertThat(interaction.request().url()).isEqualTo("https://api.openai.com/v1/chat/completions");
    assertThat(interaction.request().body())
        .startsWith(
            "{\"messages\":[{\"content\":\"Generate information about 'The Lord of the Rings'");
    assertThat(interaction.request().headers().first("User-Agent"))
        .hasValue("Charm-Fantasy/0.12.2 (https://charm.land/fantasy)");
    assertThat(interaction.response().bodyText())
        .startsWith("data: {\"id\":\"chatcmpl-")
        .endsWith("\n\ndata: [DONE]\n\n");
    assertThat(interaction.response().headers().first("Content-Type"))
        .hasValue("text/event-stream; charset=utf-8");
  }

  @Test
  void decodesBinaryBodiesToTheRecordedBytes() {
    Cassette cassette =
        Cassette.load(
            TestCassettes.path(
                "TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple_streaming.yaml"));
    RecordedResponse response = cassette.interactions().get(0).response();
    assertThat(response.headers().first("Content-Type"))
        .hasValue("application/vnd.amazon.eventstream");

    // The body is a sequence of AWS event-stream frames whose lengths add up exactly.
    ByteBuffer body = ByteBuffer.wrap(response.body());
    int frames = 0;
    while (body.hasRemaining()) {
      int totalLength = body.getInt(body.position());
      assertThat(totalLength).isBetween(16, body.remaining());
      String frame =
          new String(response.body(), body.position(), totalLength, StandardCharsets.ISO_8859_1);
      assertThat(frame).contains(":event-type").contains("{\"bytes\":\"");
      body.position(body.position() + totalLength);
      frames++;
    }
    assertThat(frames).isGreaterThan(3);
    assertThat(response.body()[0]).isZero();
  }

  @Test
  void rejectsOtherFormatVersions() {
    assertThatThrownBy(() -> parse("version: 1\ninteractions: []\n"))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("inline.yaml")
        .hasMessageContaining("format version 1")
        .hasMessageContaining("only version 2");
    assertThatThrownBy(() -> parse("interactions: []\n"))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("no format version");
  }

  @Test
  void reportsMalformedCassettesClearly() {
    assertThatThrownBy(() -> parse("version: 2\ninteractions: [\n"))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> parse("- a\n- b\n"))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("the document should be a mapping");
    assertThatThrownBy(() -> parse(MINIMAL.replace("    method: POST\n", "")))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("interactions[0].request.method is missing");
    assertThatThrownBy(() -> parse(MINIMAL.replace("code: 200", "code: OK")))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("interactions[0].response.code should be an integer but is 'OK'");
    assertThatThrownBy(() -> parse(MINIMAL.replace("- id: 0\n", "- id: [0]\n")))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("interactions[0].id should be an integer but is a list");
  }

  @Test
  void missingFileIsACassetteException(@TempDir Path directory) {
    Path missing = directory.resolve("nope.yaml");
    assertThatThrownBy(() -> Cassette.load(missing))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("nope.yaml does not exist");
  }

  @Test
  void emptyInteractionListIsAllowed() {
    assertThat(parse("---\nversion: 2\ninteractions: []\n").interactions()).isEmpty();
    assertThat(parse("version: 2\n").interactions()).isEmpty();
  }

  @Test
  void optionalFieldsHaveDefaults() {
    Cassette cassette =
        parse(
            """
            version: 2
            interactions:
            - request:
                url: https://x.example/
                method: GET
              response:
                code: 404
            """);
    Interaction interaction = cassette.interactions().get(0);
    assertThat(interaction.id()).isZero();
    assertThat(interaction.request().body()).isEmpty();
    assertThat(interaction.request().headers().isEmpty()).isTrue();
    assertThat(interaction.response().status()).isEqualTo("404 Not Found");
    assertThat(interaction.response().body()).isEmpty();
    assertThat(interaction.response().contentLength()).isEqualTo(-1);
    assertThat(interaction.response().duration()).isEmpty();
  }

  @Test
  void savesAndLoadsBack(@TempDir Path directory) {
    Cassette cassette = parse(MINIMAL);
    Path file = directory.resolve("nested/dir/copy.yaml");
    cassette.save(file);
    assertThat(Cassette.load(file).interactions()).isEqualTo(cassette.interactions());
  }

  @Test
  void toStringIsShort() {
    assertThat(parse(MINIMAL).toString()).isEqualTo("Cassette[inline.yaml, 1 interactions]");
    assertThat(parse(MINIMAL).interactions().get(0).request().toString())
        .isEqualTo(
            "RecordedRequest[POST https://api.example.com/v1/x?alt=sse, headers={Content-Type"
                + "=application/json, X-Multi=one,two}, 9 chars]");
  }
}
