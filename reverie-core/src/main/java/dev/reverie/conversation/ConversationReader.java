package dev.reverie.conversation;

import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.agent.AgentResult;
import dev.reverie.agent.InvalidToolCall;
import dev.reverie.agent.Step;
import dev.reverie.error.ConversationFormatException;
import dev.reverie.error.ConversationFormatException.Problem;
import dev.reverie.json.JsonArray;
import dev.reverie.json.JsonBoolean;
import dev.reverie.json.JsonNumber;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonString;
import dev.reverie.json.JsonValue;
import dev.reverie.message.FilePart;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.Role;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one document of the conversation format. Every problem is a {@link
 * ConversationFormatException} naming where it is; nothing unknown is skipped.
 */
final class ConversationReader {
  private final MediaStore media;

  private ConversationReader(MediaStore media) {
    this.media = media;
  }

  /** Checks the version and the kind, and returns a reader positioned on the value. */
  static Document open(JsonValue root, String kind) {
    JsonObject document = object(root, "");
    JsonValue version =
        document
            .get("version")
            .orElseThrow(
                () ->
                    new ConversationFormatException(
                        Problem.MALFORMED, "", "the document has no \"version\""));
    if (!(version instanceof JsonNumber number) || !number.isIntegral() || !number.fitsInLong()) {
      throw new ConversationFormatException(
          Problem.MALFORMED, "/version", "the version must be an integer, not " + version.toJson());
    }
    long v = number.longValue();
    if (v > ConversationJson.VERSION) {
      throw new ConversationFormatException(
          Problem.NEWER_VERSION,
          "/version",
          "the document has format version "
              + v
              + "; this Reverie reads version "
              + ConversationJson.VERSION
              + " and older: upgrade Reverie to read it");
    }
    if (v < 1) {
      throw new ConversationFormatException(
          Problem.MALFORMED, "/version", "there is no format version " + v);
    }
    JsonValue value = document.get(kind).orElse(null);
    if (value == null) {
      String found =
          document.names().stream()
              .filter(n -> !n.equals("version") && !n.equals("media"))
              .findFirst()
              .orElse("nothing");
      throw new ConversationFormatException(
          Problem.WRONG_KIND, "", "expected a " + kind + " document, found " + found);
    }
    MediaStore store =
        MediaStore.read(
            document.get("media").isPresent()
                ? object(document.get("media").get(), "/media")
                : JsonObject.of(List.of()));
    return new Document(new ConversationReader(store), value, "/" + kind);
  }

  /** The value of an opened document and the reader that reads it. */
  record Document(ConversationReader reader, JsonValue value, String path) {}

  Prompt prompt(JsonValue value, String path) {
    JsonObject in = object(value, path);
    return Prompt.of(list(in, "messages", path, this::message));
  }

  Message message(JsonValue value, String path) {
    JsonObject in = object(value, path);
    String role = string(in, "role", path);
    Role parsed =
        switch (role) {
          case "system" -> Role.SYSTEM;
          case "user" -> Role.USER;
          case "assistant" -> Role.ASSISTANT;
          case "tool" -> Role.TOOL;
          default ->
              throw new ConversationFormatException(
                  Problem.UNKNOWN_TYPE, path + "/role", "unknown role '" + role + "'");
        };
    return new Message(
        parsed, list(in, "parts", path, this::part), providerData(in, "provider_data", path));
  }

  Part part(JsonValue value, String path) {
    JsonObject in = object(value, path);
    String type = string(in, "type", path);
    ProviderData data = providerData(in, "provider_data", path);
    return switch (type) {
      case "text" -> new TextPart(string(in, "text", path), data);
      case "reasoning" -> new ReasoningPart(string(in, "text", path), data);
      case "file" -> {
        String url = optionalString(in, "url", path);
        byte[] bytes =
            in.has("media") ? media.get(string(in, "media", path), path + "/media") : new byte[0];
        if (url.isEmpty() && !in.has("media")) {
          throw new ConversationFormatException(
              Problem.MALFORMED, path, "a file part needs \"media\" or \"url\"");
        }
        yield new FilePart(
            optionalString(in, "filename", path), string(in, "media_type", path), bytes, url, data);
      }
      case "tool_call" ->
          new ToolCallPart(
              string(in, "tool_call_id", path),
              string(in, "tool_name", path),
              string(in, "input", path),
              flag(in, "provider_executed", path),
              data);
      case "tool_result" ->
          new ToolResultPart(
              string(in, "tool_call_id", path),
              string(in, "tool_name", path),
              output(member(in, "output", path), path + "/output"),
              flag(in, "provider_executed", path),
              data);
      case "source" -> {
        String kind = string(in, "kind", path);
        SourcePart.Kind parsed =
            switch (kind) {
              case "url" -> SourcePart.Kind.URL;
              case "document" -> SourcePart.Kind.DOCUMENT;
              default ->
                  throw new ConversationFormatException(
                      Problem.UNKNOWN_TYPE, path + "/kind", "unknown source kind '" + kind + "'");
            };
        yield new SourcePart(
            parsed,
            string(in, "id", path),
            optionalString(in, "url", path),
            optionalString(in, "title", path),
            data);
      }
      default ->
          throw new ConversationFormatException(
              Problem.UNKNOWN_TYPE,
              path + "/type",
              "unknown part type '" + type + "' (written by a newer Reverie?)");
    };
  }

  private ToolOutput output(JsonValue value, String path) {
    JsonObject in = object(value, path);
    String type = string(in, "type", path);
    return switch (type) {
      case "text" -> ToolOutput.text(string(in, "text", path));
      case "json" -> ToolOutput.json(member(in, "value", path));
      case "error" -> ToolOutput.error(string(in, "message", path));
      case "media" ->
          new ToolOutput.Media(
              media.get(string(in, "media", path), path + "/media"),
              string(in, "media_type", path),
              optionalString(in, "text", path));
      default ->
          throw new ConversationFormatException(
              Problem.UNKNOWN_TYPE, path + "/type", "unknown tool output type '" + type + "'");
    };
  }

  ToolSpec toolSpec(JsonValue value, String path) {
    JsonObject in = object(value, path);
    String type = string(in, "type", path);
    return switch (type) {
      case "function" ->
          new FunctionToolSpec(
              string(in, "name", path),
              optionalString(in, "description", path),
              object(member(in, "input_schema", path), path + "/input_schema"),
              providerData(in, "provider_data", path));
      case "provider" ->
          new ProviderToolSpec(
              string(in, "id", path),
              string(in, "name", path),
              in.has("args") ? object(member(in, "args", path), path + "/args") : null);
      default ->
          throw new ConversationFormatException(
              Problem.UNKNOWN_TYPE, path + "/type", "unknown tool type '" + type + "'");
    };
  }

  Response response(JsonValue value, String path) {
    JsonObject in = object(value, path);
    return new Response(
        list(in, "content", path, this::part),
        finishReason(in, path),
        usage(member(in, "usage", path), path + "/usage"),
        optionalList(in, "warnings", path, ConversationReader::warning),
        providerData(in, "provider_metadata", path));
  }

  Step step(JsonValue value, String path) {
    JsonObject in = object(value, path);
    return new Step(
        integer(in, "index", path),
        list(in, "content", path, this::part),
        optionalList(in, "invalid_tool_calls", path, this::invalidToolCall),
        finishReason(in, path),
        usage(member(in, "usage", path), path + "/usage"),
        optionalList(in, "warnings", path, ConversationReader::warning),
        providerData(in, "provider_metadata", path),
        list(in, "messages", path, this::message));
  }

  AgentResult agentResult(JsonValue value, String path) {
    JsonObject in = object(value, path);
    List<Step> steps = list(in, "steps", path, this::step);
    if (steps.isEmpty()) {
      throw new ConversationFormatException(
          Problem.MALFORMED, path + "/steps", "an agent result has at least one step");
    }
    return new AgentResult(steps, usage(member(in, "total_usage", path), path + "/total_usage"));
  }

  private InvalidToolCall invalidToolCall(JsonValue value, String path) {
    JsonObject in = object(value, path);
    Part call = part(member(in, "call", path), path + "/call");
    if (!(call instanceof ToolCallPart toolCall)) {
      throw new ConversationFormatException(
          Problem.MALFORMED, path + "/call", "an invalid tool call holds a tool_call part");
    }
    return new InvalidToolCall(toolCall, string(in, "problem", path));
  }

  private static CallWarning warning(JsonValue value, String path) {
    JsonObject in = object(value, path);
    String kind = string(in, "kind", path);
    CallWarning.Kind parsed =
        switch (kind) {
          case "unsupported_setting" -> CallWarning.Kind.UNSUPPORTED_SETTING;
          case "unsupported_tool" -> CallWarning.Kind.UNSUPPORTED_TOOL;
          case "other" -> CallWarning.Kind.OTHER;
          default ->
              throw new ConversationFormatException(
                  Problem.UNKNOWN_TYPE, path + "/kind", "unknown warning kind '" + kind + "'");
        };
    return new CallWarning(
        parsed, optionalString(in, "subject", path), optionalString(in, "message", path));
  }

  private static FinishReason finishReason(JsonObject in, String path) {
    String reason = string(in, "finish_reason", path);
    for (FinishReason candidate : FinishReason.values()) {
      if (candidate.name().toLowerCase(Locale.ROOT).equals(reason)) return candidate;
    }
    throw new ConversationFormatException(
        Problem.UNKNOWN_TYPE, path + "/finish_reason", "unknown finish reason '" + reason + "'");
  }

  private static Usage usage(JsonValue value, String path) {
    JsonObject in = object(value, path);
    return new Usage(
        count(in, "input_tokens", path),
        count(in, "output_tokens", path),
        count(in, "total_tokens", path),
        count(in, "reasoning_tokens", path),
        count(in, "cache_creation_tokens", path),
        count(in, "cache_read_tokens", path));
  }

  /** Provider data: each member a provider id with its JSON object, kept exactly. */
  private static ProviderData providerData(JsonObject in, String name, String path) {
    if (!in.has(name)) return ProviderData.EMPTY;
    JsonObject byProvider = object(member(in, name, path), path + "/" + name);
    ProviderData data = ProviderData.EMPTY;
    for (int i = 0; i < byProvider.size(); i++) {
      String id = byProvider.nameAt(i);
      data = data.with(id, object(byProvider.valueAt(i), path + "/" + name + "/" + escape(id)));
    }
    return data;
  }

  // ------------------------------------------------------------------ members

  @FunctionalInterface
  private interface ElementReader<T> {
    T read(JsonValue value, String path);
  }

  private static <T> List<T> list(
      JsonObject in, String name, String path, ElementReader<T> reader) {
    JsonValue value = member(in, name, path);
    if (!(value instanceof JsonArray array)) {
      throw wrongKind(path + "/" + name, "an array", value);
    }
    var out = new ArrayList<T>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(reader.read(array.get(i), path + "/" + name + "/" + i));
    }
    return out;
  }

  private static <T> List<T> optionalList(
      JsonObject in, String name, String path, ElementReader<T> reader) {
    return in.has(name) ? list(in, name, path, reader) : List.of();
  }

  private static JsonValue member(JsonObject in, String name, String path) {
    return in.get(name)
        .orElseThrow(
            () ->
                new ConversationFormatException(
                    Problem.MALFORMED, path, "the member \"" + name + "\" is missing"));
  }

  private static JsonObject object(JsonValue value, String path) {
    if (value instanceof JsonObject object) return object;
    throw wrongKind(path, "an object", value);
  }

  private static String string(JsonObject in, String name, String path) {
    JsonValue value = member(in, name, path);
    if (value instanceof JsonString string) return string.value();
    throw wrongKind(path + "/" + name, "a string", value);
  }

  private static String optionalString(JsonObject in, String name, String path) {
    return in.has(name) ? string(in, name, path) : "";
  }

  private static boolean flag(JsonObject in, String name, String path) {
    if (!in.has(name)) return false;
    JsonValue value = member(in, name, path);
    if (value instanceof JsonBoolean bool) return bool.value();
    throw wrongKind(path + "/" + name, "true or false", value);
  }

  private static long count(JsonObject in, String name, String path) {
    JsonValue value = member(in, name, path);
    if (value instanceof JsonNumber number && number.isIntegral() && number.fitsInLong()) {
      return number.longValue();
    }
    throw wrongKind(path + "/" + name, "an integer", value);
  }

  private static int integer(JsonObject in, String name, String path) {
    long value = count(in, name, path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new ConversationFormatException(
          Problem.MALFORMED, path + "/" + name, "the number " + value + " is out of range");
    }
    return (int) value;
  }

  private static ConversationFormatException wrongKind(
      String path, String expected, JsonValue value) {
    return new ConversationFormatException(
        Problem.MALFORMED,
        path,
        "expected " + expected + ", found " + value.kind().name().toLowerCase(Locale.ROOT));
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
