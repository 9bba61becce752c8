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
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes one document of the conversation format (docs/conversation-format.md): the value under its
 * kind's member, every binary payload once in the media table. Single-use.
 */
final class ConversationWriter {
  private final MediaStore media = new MediaStore();

  /** The whole document: version, the value under {@code kind}, then the media table if any. */
  JsonObject document(String kind, JsonValue value) {
    var document = new LinkedHashMap<String, JsonValue>();
    document.put("version", JsonNumber.of(ConversationJson.VERSION));
    document.put(kind, value);
    if (!media.isEmpty()) document.put("media", media.toJson());
    return JsonObject.of(document);
  }

  JsonObject prompt(Prompt prompt) {
    var out = new LinkedHashMap<String, JsonValue>();
    out.put("messages", array(prompt.messages(), this::message));
    return JsonObject.of(out);
  }

  JsonObject message(Message message) {
    var out = new LinkedHashMap<String, JsonValue>();
    out.put("role", JsonString.of(message.role().name().toLowerCase(Locale.ROOT)));
    out.put("parts", array(message.parts(), this::part));
    providerData(out, "provider_data", message.providerData());
    return JsonObject.of(out);
  }

  JsonObject part(Part part) {
    var out = new LinkedHashMap<String, JsonValue>();
    if (part instanceof TextPart text) {
      out.put("type", JsonString.of("text"));
      out.put("text", JsonString.of(text.text()));
    } else if (part instanceof ReasoningPart reasoning) {
      out.put("type", JsonString.of("reasoning"));
      out.put("text", JsonString.of(reasoning.text()));
    } else if (part instanceof FilePart file) {
      out.put("type", JsonString.of("file"));
      out.put("media_type", JsonString.of(file.mediaType()));
      if (!file.filename().isEmpty()) out.put("filename", JsonString.of(file.filename()));
      if (!file.url().isEmpty()) out.put("url", JsonString.of(file.url()));
      byte[] data = file.data();
      if (data.length > 0 || file.url().isEmpty()) out.put("media", JsonString.of(media.put(data)));
    } else if (part instanceof ToolCallPart call) {
      out.put("type", JsonString.of("tool_call"));
      out.put("tool_call_id", JsonString.of(call.toolCallId()));
      out.put("tool_name", JsonString.of(call.toolName()));
      out.put("input", JsonString.of(call.input()));
      if (call.providerExecuted()) out.put("provider_executed", JsonBoolean.TRUE);
    } else if (part instanceof ToolResultPart result) {
      out.put("type", JsonString.of("tool_result"));
      out.put("tool_call_id", JsonString.of(result.toolCallId()));
      out.put("tool_name", JsonString.of(result.toolName()));
      out.put("output", output(result.output()));
      if (result.providerExecuted()) out.put("provider_executed", JsonBoolean.TRUE);
    } else if (part instanceof SourcePart source) {
      out.put("type", JsonString.of("source"));
      out.put("kind", JsonString.of(source.kind().name().toLowerCase(Locale.ROOT)));
      out.put("id", JsonString.of(source.id()));
      if (!source.url().isEmpty()) out.put("url", JsonString.of(source.url()));
      if (!source.title().isEmpty()) out.put("title", JsonString.of(source.title()));
    }
    providerData(out, "provider_data", part.providerData());
    return JsonObject.of(out);
  }

  private JsonObject output(ToolOutput output) {
    var out = new LinkedHashMap<String, JsonValue>();
    if (output instanceof ToolOutput.Text text) {
      out.put("type", JsonString.of("text"));
      out.put("text", JsonString.of(text.text()));
    } else if (output instanceof ToolOutput.Json json) {
      out.put("type", JsonString.of("json"));
      out.put("value", json.value());
    } else if (output instanceof ToolOutput.Error error) {
      out.put("type", JsonString.of("error"));
      out.put("message", JsonString.of(error.message()));
    } else if (output instanceof ToolOutput.Media m) {
      out.put("type", JsonString.of("media"));
      out.put("media_type", JsonString.of(m.mediaType()));
      out.put("media", JsonString.of(media.put(m.data())));
      if (!m.text().isEmpty()) out.put("text", JsonString.of(m.text()));
    }
    return JsonObject.of(out);
  }

  JsonObject toolSpec(ToolSpec spec) {
    var out = new LinkedHashMap<String, JsonValue>();
    if (spec instanceof FunctionToolSpec function) {
      out.put("type", JsonString.of("function"));
      out.put("name", JsonString.of(function.name()));
      out.put("description", JsonString.of(function.description()));
      out.put("input_schema", function.inputSchema());
      providerData(out, "provider_data", function.providerData());
    } else if (spec instanceof ProviderToolSpec provider) {
      out.put("type", JsonString.of("provider"));
      out.put("id", JsonString.of(provider.id()));
      out.put("name", JsonString.of(provider.name()));
      out.put("args", provider.args());
    }
    return JsonObject.of(out);
  }

  JsonObject response(Response response) {
    var out = new LinkedHashMap<String, JsonValue>();
    out.put("content", array(response.content(), this::part));
    out.put("finish_reason", finishReason(response.finishReason()));
    out.put("usage", usage(response.usage()));
    if (!response.warnings().isEmpty()) {
      out.put("warnings", array(response.warnings(), ConversationWriter::warning));
    }
    providerData(out, "provider_metadata", response.providerMetadata());
    return JsonObject.of(out);
  }

  JsonObject step(Step step) {
    var out = new LinkedHashMap<String, JsonValue>();
    out.put("index", JsonNumber.of(step.index()));
    out.put("content", array(step.content(), this::part));
    if (!step.invalidToolCalls().isEmpty()) {
      out.put("invalid_tool_calls", array(step.invalidToolCalls(), this::invalidToolCall));
    }
    out.put("finish_reason", finishReason(step.finishReason()));
    out.put("usage", usage(step.usage()));
    if (!step.warnings().isEmpty()) {
      out.put("warnings", array(step.warnings(), ConversationWriter::warning));
    }
    providerData(out, "provider_metadata", step.providerMetadata());
    out.put("messages", array(step.messages(), this::message));
    return JsonObject.of(out);
  }

  JsonObject agentResult(AgentResult result) {
    var out = new LinkedHashMap<String, JsonValue>();
    out.put("steps", array(result.steps(), this::step));
    out.put("total_usage", usage(result.totalUsage()));
    return JsonObject.of(out);
  }

  private JsonObject invalidToolCall(InvalidToolCall invalid) {
    var out = new LinkedHashMap<String, JsonValue>();
    out.put("call", part(invalid.call()));
    out.put("problem", JsonString.of(invalid.problem()));
    return JsonObject.of(out);
  }

  private static JsonObject warning(CallWarning warning) {
    var out = new LinkedHashMap<String, JsonValue>();
    out.put("kind", JsonString.of(warning.kind().name().toLowerCase(Locale.ROOT)));
    if (!warning.subject().isEmpty()) out.put("subject", JsonString.of(warning.subject()));
    if (!warning.message().isEmpty()) out.put("message", JsonString.of(warning.message()));
    return JsonObject.of(out);
  }

  private static JsonString finishReason(FinishReason reason) {
    return JsonString.of(reason.name().toLowerCase(Locale.ROOT));
  }

  private static JsonObject usage(Usage usage) {
    var out = new LinkedHashMap<String, JsonValue>();
    out.put("input_tokens", JsonNumber.of(usage.inputTokens()));
    out.put("output_tokens", JsonNumber.of(usage.outputTokens()));
    out.put("total_tokens", JsonNumber.of(usage.totalTokens()));
    out.put("reasoning_tokens", JsonNumber.of(usage.reasoningTokens()));
    out.put("cache_creation_tokens", JsonNumber.of(usage.cacheCreationTokens()));
    out.put("cache_read_tokens", JsonNumber.of(usage.cacheReadTokens()));
    return JsonObject.of(out);
  }

  /** Provider data as {@code {"<provider id>": {...}}}, exactly as held; left out when empty. */
  private static void providerData(Map<String, JsonValue> out, String name, ProviderData data) {
    if (data.isEmpty()) return;
    var members = new LinkedHashMap<String, JsonValue>();
    for (String id : data.providerIds()) members.put(id, data.get(id).orElseThrow());
    out.put(name, JsonObject.of(members));
  }

  private static <T> JsonArray array(List<T> values, Function<T, JsonValue> write) {
    var elements = new ArrayList<JsonValue>(values.size());
    for (T value : values) elements.add(write.apply(value));
    return JsonArray.of(elements);
  }
}
