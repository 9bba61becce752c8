package dev.reverie.conversation;

import dev.reverie.Prompt;
import dev.reverie.Response;
import dev.reverie.agent.AgentResult;
import dev.reverie.agent.Step;
import dev.reverie.error.ConversationFormatException;
import dev.reverie.error.ConversationFormatException.Problem;
import dev.reverie.error.ReverieException;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonReadLimits;
import dev.reverie.json.JsonValue;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.tool.ToolSpec;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Stores conversations as JSON and reads them back: prompts, messages, parts, tool specs,
 * responses, agent steps and agent results, in the versioned format of {@code
 * docs/conversation-format.md}.
 *
 * <pre>{@code
 * String stored = ConversationJson.write(prompt.plus(result.messages()));
 * // later, maybe elsewhere
 * Prompt conversation = ConversationJson.readPrompt(stored).plus(Message.user("And tomorrow?"));
 * }</pre>
 *
 * <p>Each {@code write} returns one self-contained document: {@code {"version": 1, "<kind>": value,
 * "media": {...}}}. Provider data (thinking signatures, encrypted reasoning, cache markers) is
 * stored exactly as held, so a conversation read back continues with the provider as if it had
 * never been stored. Binary data (images, files, media tool outputs) is stored once per document,
 * base64-encoded in the media table under its SHA-256, and referred to by that id.
 *
 * <p>Reading is strict where it matters: a document of a newer format version, a part, tool output
 * or tool spec of an unknown type, a missing member or a member of the wrong kind is rejected with
 * a {@link ConversationFormatException} that says what and where; nothing is dropped. Members this
 * version does not know are ignored. What a document cannot hold: an {@link
 * dev.reverie.agent.InvalidToolCall}'s repair failure (a Java exception) reads back as null.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConversationJson {
  /** The format version this Reverie writes, and the newest it reads. */
  public static final int VERSION = 1;

  // Stored conversations hold base64 media: no length limits beyond the String's, depth as usual.
  private static final JsonReadLimits LIMITS =
      new JsonReadLimits(
          JsonReadLimits.DEFAULT.maxDepth(), Integer.MAX_VALUE, Long.MAX_VALUE, 1000);

  private ConversationJson() {}

  /** A prompt (a whole conversation) as a document of kind {@code prompt}. */
  public static String write(Prompt prompt) {
    return write("prompt", prompt, ConversationWriter::prompt);
  }

  /** One message as a document of kind {@code message}. */
  public static String write(Message message) {
    return write("message", message, ConversationWriter::message);
  }

  /** One part as a document of kind {@code part}. */
  public static String write(Part part) {
    return write("part", part, ConversationWriter::part);
  }

  /** One tool spec as a document of kind {@code tool}. */
  public static String write(ToolSpec tool) {
    return write("tool", tool, ConversationWriter::toolSpec);
  }

  /** A model's response as a document of kind {@code response}. */
  public static String write(Response response) {
    return write("response", response, ConversationWriter::response);
  }

  /** One agent step as a document of kind {@code step}. */
  public static String write(Step step) {
    return write("step", step, ConversationWriter::step);
  }

  /** An agent run's result as a document of kind {@code agent_result}. */
  public static String write(AgentResult result) {
    return write("agent_result", result, ConversationWriter::agentResult);
  }

  /**
   * Reads a prompt document.
   *
   * @throws ConversationFormatException when the text is not such a document of a known version
   */
  public static Prompt readPrompt(String json) {
    return read(json, "prompt", ConversationReader::prompt);
  }

  /** Reads a message document; see {@link #readPrompt} for the failures. */
  public static Message readMessage(String json) {
    return read(json, "message", ConversationReader::message);
  }

  /** Reads a part document; see {@link #readPrompt} for the failures. */
  public static Part readPart(String json) {
    return read(json, "part", ConversationReader::part);
  }

  /** Reads a tool spec document; see {@link #readPrompt} for the failures. */
  public static ToolSpec readToolSpec(String json) {
    return read(json, "tool", ConversationReader::toolSpec);
  }

  /** Reads a response document; see {@link #readPrompt} for the failures. */
  public static Response readResponse(String json) {
    return read(json, "response", ConversationReader::response);
  }

  /** Reads a step document; see {@link #readPrompt} for the failures. */
  public static Step readStep(String json) {
    return read(json, "step", ConversationReader::step);
  }

  /** Reads an agent result document; see {@link #readPrompt} for the failures. */
  public static AgentResult readAgentResult(String json) {
    return read(json, "agent_result", ConversationReader::agentResult);
  }

  @FunctionalInterface
  private interface ValueReader<T> {
    T read(ConversationReader reader, JsonValue value, String path);
  }

  private static <T> String write(
      String kind, T value, BiFunction<ConversationWriter, T, JsonObject> write) {
    Objects.requireNonNull(value, kind);
    var writer = new ConversationWriter();
    JsonObject body = write.apply(writer, value);
    return writer.document(kind, body).toJson();
  }

  private static <T> T read(String json, String kind, ValueReader<T> read) {
    Objects.requireNonNull(json, "json");
    JsonValue root;
    try {
      root = JsonValue.parse(json, LIMITS);
    } catch (ReverieException e) {
      throw new ConversationFormatException(
          Problem.MALFORMED, "", "the stored conversation is not JSON: " + e.getMessage(), e);
    }
    ConversationReader.Document document = ConversationReader.open(root, kind);
    try {
      return read.read(document.reader(), document.value(), document.path());
    } catch (ConversationFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      // A value the types themselves refuse (a null id, say): malformed, not a bug of the caller.
      throw new ConversationFormatException(
          Problem.MALFORMED, document.path(), "the stored value is invalid: " + e.getMessage(), e);
    }
  }
}
