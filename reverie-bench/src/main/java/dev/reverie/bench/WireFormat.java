package dev.reverie.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.reverie.LanguageModel;
import dev.reverie.provider.anthropic.Anthropic;
import dev.reverie.provider.openai.OpenAi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The SSE wire formats the end-to-end bench streams, each with its event stream (the same text in
 * the same deltas), its Reverie model and its bare floor: the JDK client reading lines and
 * Jackson's streaming parser picking out only the event's text delta, skipping the rest unread.
 *
 * <p>A format whose typed object arrives otherwise than as text (Anthropic: a forced tool's {@code
 * input_json_delta}) has a second body and a second floor for it.
 */
public enum WireFormat {
  /** OpenAI chat completions: {@code choices[0].delta.content}. */
  CHAT("chat completions") {
    @Override
    byte[] body(String[] deltas, boolean typed) {
      return OpenAiSseBody.of(deltas);
    }

    @Override
    LanguageModel model(String baseUrl) {
      return OpenAi.builder().apiKey("k").baseUrl(baseUrl + "/v1").build().languageModel("o4-mini");
    }

    @Override
    BareStreamingClient bare(String baseUrl, boolean typed) {
      return new BareStreamingClient(baseUrl + "/v1");
    }
  },

  /**
   * Anthropic Messages: {@code content_block_delta} events; text as {@code text_delta}, the typed
   * object as a forced tool's {@code input_json_delta}.
   */
  ANTHROPIC("Anthropic Messages") {
    @Override
    byte[] body(String[] deltas, boolean typed) {
      return AnthropicBody.of(deltas, typed);
    }

    @Override
    LanguageModel model(String baseUrl) {
      return Anthropic.builder()
          .apiKey("k")
          .baseUrl(baseUrl)
          .build()
          .languageModel("claude-sonnet-4-20250514");
    }

    @Override
    boolean typedBodyDiffers() {
      return true;
    }

    @Override
    BareStreamingClient bare(String baseUrl, boolean typed) {
      return new BareStreamingClient(
          baseUrl + "/v1/messages",
          "{\"model\":\"claude-sonnet-4-20250514\",\"max_tokens\":64000,\"stream\":true,"
              + "\"messages\":[{\"role\":\"user\",\"content\":\"Describe a library.\"}]}",
          WireFormat::appendAnthropicDelta);
    }
  },

  /** OpenAI Responses: {@code response.output_text.delta} events. */
  RESPONSES("OpenAI Responses") {
    @Override
    byte[] body(String[] deltas, boolean typed) {
      return ResponsesBody.of(deltas);
    }

    @Override
    LanguageModel model(String baseUrl) {
      return OpenAi.builder().apiKey("k").baseUrl(baseUrl + "/v1").build().responses("o4-mini");
    }

    @Override
    BareStreamingClient bare(String baseUrl, boolean typed) {
      return new BareStreamingClient(
          baseUrl + "/v1/responses",
          "{\"model\":\"o4-mini\",\"stream\":true,\"input\":\"Describe a library.\"}",
          WireFormat::appendResponsesDelta);
    }
  };

  private static final JsonFactory FACTORY = new JsonFactory();

  private final String label;

  WireFormat(String label) {
    this.label = label;
  }

  /** The name in reports. */
  public String label() {
    return label;
  }

  /** The event stream carrying {@code deltas}, as text or as the typed object's wire form. */
  abstract byte[] body(String[] deltas, boolean typed);

  /** Reverie's model on this format, for a server at {@code baseUrl} (no path). */
  abstract LanguageModel model(String baseUrl);

  /** The floor reading this format's {@link #body} from a server at {@code baseUrl}. */
  abstract BareStreamingClient bare(String baseUrl, boolean typed);

  /** Whether the typed object has its own body (and floor). */
  boolean typedBodyDiffers() {
    return false;
  }

  /** The format named on the command line: {@code chat}, {@code anthropic} or {@code responses}. */
  public static WireFormat of(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  /** {@code delta.text} or {@code delta.partial_json} of a {@code content_block_delta}. */
  static boolean appendAnthropicDelta(String json, StringBuilder out) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) return false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!"delta".equals(field) || value != JsonToken.START_OBJECT) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String deltaField = parser.currentName();
          JsonToken deltaValue = parser.nextToken();
          if (("text".equals(deltaField) || "partial_json".equals(deltaField))
              && deltaValue == JsonToken.VALUE_STRING) {
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
  }

  /** {@code delta} of a {@code response.output_text.delta} (the only string {@code delta}). */
  static boolean appendResponsesDelta(String json, StringBuilder out) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) return false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("delta".equals(field) && value == JsonToken.VALUE_STRING) {
          int before = out.length();
          out.append(parser.getText());
          return out.length() > before;
        }
        parser.skipChildren();
      }
      return false;
    }
  }

  static String quoted(String text) {
    var writer = new StringWriter(text.length() + 8);
    try (JsonGenerator generator = FACTORY.createGenerator(writer)) {
      generator.writeString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer.toString();
  }

  static void event(ByteArrayOutputStream out, String name, String data) {
    out.writeBytes(
        ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
  }

  /** An Anthropic Messages stream shaped like the recorded ones. */
  static final class AnthropicBody {
    private AnthropicBody() {}

    static byte[] of(String[] deltas, boolean typed) {
      var out = new ByteArrayOutputStream(deltas.length * 110 + 2048);
      event(
          out,
          "message_start",
          "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\","
              + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-20250514\","
              + "\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":"
              + "{\"input_tokens\":156,\"cache_creation_input_tokens\":0,"
              + "\"cache_read_input_tokens\":0,\"output_tokens\":1,\"service_tier\":\"standard\"}}}");
      String block =
          typed
              ? "{\"type\":\"tool_use\",\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\",\"name\":\"json\","
                  + "\"input\":{}}"
              : "{\"type\":\"text\",\"text\":\"\"}";
      event(
          out,
          "content_block_start",
          "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":" + block + "}");
      event(out, "ping", "{\"type\": \"ping\"}");
      String prefix =
          typed
              ? "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                  + "{\"type\":\"input_json_delta\",\"partial_json\":"
              : "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                  + "{\"type\":\"text_delta\",\"text\":";
      for (String delta : deltas) {
        event(out, "content_block_delta", prefix + quoted(delta) + "}}");
      }
      event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
      event(
          out,
          "message_delta",
          "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
              + (typed ? "tool_use" : "end_turn")
              + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":"
              + deltas.length
              + "}}");
      event(out, "message_stop", "{\"type\":\"message_stop\"}");
      return out.toByteArray();
    }
  }

  /**
   * An OpenAI Responses stream shaped like the recorded ones: the full text comes again in {@code
   * output_text.done}, {@code content_part.done}, {@code output_item.done} and {@code
   * response.completed}, as the API sends it.
   */
  static final class ResponsesBody {
    private static final String RESPONSE_ID = "resp_016f864f20aa0f370169b3198f6ad481928e3fd620952";
    private static final String ITEM_ID = "msg_016f864f20aa0f370169b319901ae08192a83cdd1baa68ae6d";
    private static final String PADDING = "r3JoKjpHm9Tbci";

    private ResponsesBody() {}

    static byte[] of(String[] deltas) {
      var out = new ByteArrayOutputStream(deltas.length * 200 + 8 * 1024 * 1024);
      var text = new StringBuilder();
      for (String delta : deltas) text.append(delta);
      String full = quoted(text.toString());
      int sequence = 0;
      event(
          out,
          "response.created",
          "{\"type\":\"response.created\",\"response\":"
              + response("in_progress", "[]", "null")
              + ",\"sequence_number\":"
              + sequence++
              + "}");
      event(
          out,
          "response.in_progress",
          "{\"type\":\"response.in_progress\",\"response\":"
              + response("in_progress", "[]", "null")
              + ",\"sequence_number\":"
              + sequence++
              + "}");
      event(
          out,
          "response.output_item.added",
          "{\"type\":\"response.output_item.added\",\"item\":{\"id\":\""
              + ITEM_ID
              + "\",\"type\":\"message\",\"status\":\"in_progress\",\"content\":[],"
              + "\"role\":\"assistant\"},\"output_index\":0,\"sequence_number\":"
              + sequence++
              + "}");
      event(
          out,
          "response.content_part.added",
          "{\"type\":\"response.content_part.added\",\"content_index\":0,\"item_id\":\""
              + ITEM_ID
              + "\",\"output_index\":0,\"part\":{\"type\":\"output_text\",\"annotations\":[],"
              + "\"logprobs\":[],\"text\":\"\"},\"sequence_number\":"
              + sequence++
              + "}");
      for (int i = 0; i < deltas.length; i++) {
        event(
            out,
            "response.output_text.delta",
            "{\"type\":\"response.output_text.delta\",\"content_index\":0,\"delta\":"
                + quoted(deltas[i])
                + ",\"item_id\":\""
                + ITEM_ID
                + "\",\"logprobs\":[],\"obfuscation\":\""
                + PADDING.substring(0, 2 + i % 8)
                + "\",\"output_index\":0,\"sequence_number\":"
                + sequence++
                + "}");
      }
      event(
          out,
          "response.output_text.done",
          "{\"type\":\"response.output_text.done\",\"content_index\":0,\"item_id\":\""
              + ITEM_ID
              + "\",\"logprobs\":[],\"output_index\":0,\"sequence_number\":"
              + sequence++
              + ",\"text\":"
              + full
              + "}");
      String part =
          "{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":" + full + "}";
      event(
          out,
          "response.content_part.done",
          "{\"type\":\"response.content_part.done\",\"content_index\":0,\"item_id\":\""
              + ITEM_ID
              + "\",\"output_index\":0,\"part\":"
              + part
              + ",\"sequence_number\":"
              + sequence++
              + "}");
      String item =
          "{\"id\":\""
              + ITEM_ID
              + "\",\"type\":\"message\",\"status\":\"completed\","
              + "\"content\":["
              + part
              + "],\"role\":\"assistant\"}";
      event(
          out,
          "response.output_item.done",
          "{\"type\":\"response.output_item.done\",\"item\":"
              + item
              + ",\"output_index\":0,\"sequence_number\":"
              + sequence++
              + "}");
      String usage =
          "{\"input_tokens\":156,\"input_tokens_details\":{\"cached_tokens\":0},"
              + "\"output_tokens\":"
              + deltas.length
              + ",\"output_tokens_details\":"
              + "{\"reasoning_tokens\":0},\"total_tokens\":"
              + (156 + deltas.length)
              + "}";
      event(
          out,
          "response.completed",
          "{\"type\":\"response.completed\",\"response\":"
              + response("completed", "[" + item + "]", usage)
              + ",\"sequence_number\":"
              + sequence
              + "}");
      return out.toByteArray();
    }

    private static String response(String status, String output, String usage) {
      return "{\"id\":\""
          + RESPONSE_ID
          + "\",\"object\":\"response\",\"created_at\":1773345167,"
          + "\"status\":\""
          + status
          + "\",\"background\":false,\"error\":null,"
          + "\"incomplete_details\":null,\"instructions\":null,\"max_output_tokens\":null,"
          + "\"model\":\"o4-mini-2025-04-16\",\"output\":"
          + output
          + ",\"parallel_tool_calls\":true,"
          + "\"previous_response_id\":null,\"reasoning\":{\"effort\":\"medium\",\"summary\":null},"
          + "\"service_tier\":\"default\",\"store\":true,\"temperature\":1.0,\"text\":{\"format\":"
          + "{\"type\":\"text\"}},\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,"
          + "\"truncation\":\"disabled\",\"usage\":"
          + usage
          + ",\"user\":null,\"metadata\":{}}";
    }
  }
}
