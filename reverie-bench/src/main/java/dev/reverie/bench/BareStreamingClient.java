package dev.reverie.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The least a Java program can do to read an OpenAI text stream, as the end-to-end baseline: the
 * JDK {@link HttpClient} with a streamed body, lines read with a {@link BufferedReader}, and
 * Jackson's streaming {@link JsonParser} picking out only {@code choices[0].delta.content} (the
 * rest of each chunk is skipped unread), appended to a {@link StringBuilder}. No partial objects,
 * no validation, no error mapping. Thread-safe; share one instance.
 */
public final class BareStreamingClient {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String REQUEST =
      "{\"model\":\"o4-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Describe a library.\"}]}";

  private final HttpClient client;
  private final URI uri;
  private final String requestBody;
  private final DeltaReader reader;

  /** Picks the text of one event out of its JSON; the floor of one wire format. */
  @FunctionalInterface
  public interface DeltaReader {
    /** Appends the event's text delta, if any; true if it appended some. */
    boolean append(String json, StringBuilder out) throws IOException;
  }

  /** A client posting to {@code baseUrl + "/chat/completions"} with its own JDK client. */
  public BareStreamingClient(String baseUrl) {
    this(baseUrl + "/chat/completions", REQUEST, BareStreamingClient::appendContent);
  }

  /**
   * A client of any SSE wire format: posts {@code request} to {@code url} and reads each {@code
   * data:} line with {@code reader}.
   */
  public BareStreamingClient(String url, String request, DeltaReader reader) {
    this.client = HttpClient.newBuilder().build();
    this.uri = URI.create(url);
    this.requestBody = request;
    this.reader = reader;
  }

  /** What one stream carried: the concatenated content and how many chunks carried some. */
  public record Streamed(String content, int contentChunks) {}

  /** Sends the request and reads the whole stream. */
  public Streamed stream() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer k")
            .POST(HttpRequest.BodyPublishers.ofString(requestBody))
            .build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      response.body().close();
      throw new IOException("unexpected status " + response.statusCode());
    }
    return read(response.body(), reader);
  }

  /** Reads an OpenAI chat event stream to its end (or {@code [DONE]}) and closes it. */
  public static Streamed read(InputStream body) throws IOException {
    return read(body, BareStreamingClient::appendContent);
  }

  /** Reads an event stream to its end (or {@code [DONE]}) and closes it. */
  public static Streamed read(InputStream body, DeltaReader deltas) throws IOException {
    var content = new StringBuilder();
    int chunks = 0;
    try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("data: ")) continue;
        String data = line.substring(6);
        if (data.equals("[DONE]")) break;
        if (deltas.append(data, content)) chunks++;
      }
    }
    return new Streamed(content.toString(), chunks);
  }

  /** Appends {@code choices[0].delta.content} of one chunk; true if it had non-empty content. */
  static boolean appendContent(String chunk, StringBuilder out) throws IOException {
    try (JsonParser parser = FACTORY.createParser(chunk)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) return false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!"choices".equals(field) || value != JsonToken.START_ARRAY) {
          parser.skipChildren();
          continue;
        }
        // Only the first choice matters; nothing after it in the chunk is read.
        if (parser.nextToken() != JsonToken.START_OBJECT) return false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String choiceField = parser.currentName();
          JsonToken choiceValue = parser.nextToken();
          if (!"delta".equals(choiceField) || choiceValue != JsonToken.START_OBJECT) {
            parser.skipChildren();
            continue;
          }
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String deltaField = parser.currentName();
            JsonToken deltaValue = parser.nextToken();
            if ("content".equals(deltaField) && deltaValue == JsonToken.VALUE_STRING) {
              int before = out.length();
              out.append(parser.getText());
              return out.length() > before;
            }
            parser.skipChildren();
          }
          return false;
        }
        return false;
      }
      return false;
    }
  }
}
