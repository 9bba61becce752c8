package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.CallWarning;
import dev.reverie.ResponseFormat;
import dev.reverie.internal.json.Json;
import dev.reverie.message.FilePart;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.schema.StrictSchemas;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.ToolChoice;
import dev.reverie.tool.ToolSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Turns a {@link Call} into a chat-completions request body. */
final class ChatRequestEncoder {
  private final ChatDialect dialect;

  public ChatRequestEncoder(ChatDialect dialect) {
    this.dialect = dialect;
  }

  /** The request body and the warnings about settings that were dropped. */
  public record Encoded(ObjectNode body, List<CallWarning> warnings) {}

  public Encoded encode(Call call, String modelId, boolean stream) {
    ObjectNode body = Json.object();
    var request = new ChatRequest(call, modelId, stream, body);
    var warnings = new ArrayList<CallWarning>();
    body.set("messages", messages(call.prompt().messages(), warnings, request));
    body.put("model", modelId);
    boolean reasoning = dialect.isReasoningModel(modelId);

    if (call.maxOutputTokens() != null) {
      body.put(reasoning ? "max_completion_tokens" : "max_tokens", call.maxOutputTokens());
    }
    if (reasoning) {
      dropForReasoning(call.temperature(), "temperature", warnings);
      dropForReasoning(call.topP(), "topP", warnings);
      dropForReasoning(call.presencePenalty(), "presencePenalty", warnings);
      dropForReasoning(call.frequencyPenalty(), "frequencyPenalty", warnings);
    } else {
      if (call.temperature() != null) body.put("temperature", call.temperature());
      if (call.topP() != null) body.put("top_p", call.topP());
      if (call.presencePenalty() != null) body.put("presence_penalty", call.presencePenalty());
      if (call.frequencyPenalty() != null) body.put("frequency_penalty", call.frequencyPenalty());
    }
    if (call.topK() != null) {
      warnings.add(CallWarning.unsupportedSetting("topK", "chat completions has no top_k"));
    }
    if (call.seed() != null) body.put("seed", call.seed());
    if (!call.stopSequences().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      call.stopSequences().forEach(stop::add);
    }
    if (call.responseFormat() != null)
      body.set("response_format", responseFormat(call.responseFormat()));
    encodeTools(call, body, warnings);
    if (stream) {
      body.put("stream", true);
      if (dialect.sendsStreamOptions()) {
        body.putObject("stream_options").put("include_usage", true);
      }
    }
    dialect.prepareRequest(request);
    warnings.addAll(request.warnings());
    return new Encoded(body, List.copyOf(warnings));
  }

  private static void dropForReasoning(Object value, String setting, List<CallWarning> warnings) {
    if (value != null) {
      warnings.add(
          CallWarning.unsupportedSetting(
              setting, setting + " is not supported for reasoning models"));
    }
  }

  private static ObjectNode responseFormat(ResponseFormat format) {
    ObjectNode node = Json.object();
    node.put("type", "json_schema");
    ObjectNode schema = node.putObject("json_schema");
    schema.put("name", format.name());
    if (!format.description().isEmpty()) schema.put("description", format.description());
    schema.set("schema", StrictSchemas.forOpenAiStrict(Json.node(format.schema())));
    schema.put("strict", true);
    return node;
  }

  private void encodeTools(Call call, ObjectNode body, List<CallWarning> warnings) {
    ArrayNode tools = Json.MAPPER.createArrayNode();
    for (ToolSpec spec : call.tools()) {
      if (spec instanceof FunctionToolSpec f) {
        ObjectNode tool = tools.addObject();
        tool.put("type", "function");
        ObjectNode function = tool.putObject("function");
        function.put("name", f.name());
        if (!f.description().isEmpty()) function.put("description", f.description());
        function.set("parameters", Json.node(f.inputSchema()));
        function.put("strict", false);
      } else if (spec instanceof ProviderToolSpec p) {
        warnings.add(
            CallWarning.unsupportedTool(p.name(), "chat completions does not run " + p.id()));
      }
    }
    if (tools.isEmpty()) return;
    body.set("tools", tools);
    ToolChoice choice = call.toolChoice() == null ? ToolChoice.auto() : call.toolChoice();
    if (choice instanceof ToolChoice.Auto) body.put("tool_choice", "auto");
    else if (choice instanceof ToolChoice.None) body.put("tool_choice", "none");
    else if (choice instanceof ToolChoice.Required) body.put("tool_choice", "required");
    else if (choice instanceof ToolChoice.Specific s) {
      ObjectNode c = body.putObject("tool_choice");
      c.put("type", "function");
      c.putObject("function").put("name", s.toolName());
    }
  }

  private ArrayNode messages(
      List<Message> messages, List<CallWarning> warnings, ChatRequest request) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Message message : messages) {
      int before = out.size();
      switch (message.role()) {
        case SYSTEM -> system(message, out, warnings);
        case USER -> user(message, out, warnings);
        case ASSISTANT -> assistant(message, out, warnings, request);
        case TOOL -> tool(message, out, warnings);
      }
      // Tool messages add one wire message per result, then the user messages carrying media;
      // the dialect sees the ones made from this message's own parts.
      for (int i = before; i < out.size(); i++) {
        ObjectNode wire = (ObjectNode) out.get(i);
        if (message.role() != dev.reverie.message.Role.TOOL || wire.has("tool_call_id")) {
          dialect.decorateMessage(message, wire, request);
        }
      }
    }
    return out;
  }

  private static void system(Message message, ArrayNode out, List<CallWarning> warnings) {
    var texts = new ArrayList<String>();
    for (Part part : message.parts()) {
      if (part instanceof TextPart t) {
        if (!t.text().isBlank()) texts.add(t.text());
      } else {
        warnings.add(CallWarning.other("system messages take text only; a part was dropped"));
      }
    }
    if (texts.isEmpty()) {
      warnings.add(CallWarning.other("an empty system message was dropped"));
      return;
    }
    ObjectNode m = out.addObject();
    m.put("role", "system");
    m.put("content", String.join("\n", texts));
  }

  private static void user(Message message, ArrayNode out, List<CallWarning> warnings) {
    List<Part> parts = message.parts();
    if (parts.size() == 1 && parts.get(0) instanceof TextPart t) {
      ObjectNode m = out.addObject();
      m.put("role", "user");
      m.put("content", t.text());
      return;
    }
    ArrayNode content = Json.MAPPER.createArrayNode();
    int fileIndex = 0;
    for (Part part : parts) {
      if (part instanceof TextPart t) {
        ObjectNode c = content.addObject();
        c.put("type", "text");
        c.put("text", t.text());
      } else if (part instanceof FilePart f) {
        fileIndex++;
        ObjectNode c = filePart(f, fileIndex, warnings);
        if (c != null) content.add(c);
      } else {
        warnings.add(CallWarning.other("user messages take text and files; a part was dropped"));
      }
    }
    if (content.isEmpty()) {
      warnings.add(CallWarning.other("an empty user message was dropped"));
      return;
    }
    ObjectNode m = out.addObject();
    m.put("role", "user");
    m.set("content", content);
  }

  private static ObjectNode filePart(FilePart f, int index, List<CallWarning> warnings) {
    String type = f.mediaType().toLowerCase(Locale.ROOT);
    ObjectNode c = Json.object();
    if (type.startsWith("image/")) {
      c.put("type", "image_url");
      ObjectNode image = c.putObject("image_url");
      image.put("url", f.isUrl() ? f.url() : dataUrl(f));
      Json.node(f.providerData(), "openai")
          .map(o -> o.path("image_detail"))
          .filter(JsonNode::isTextual)
          .ifPresent(d -> image.put("detail", d.asText()));
      return c;
    }
    if (f.isUrl()) {
      warnings.add(
          CallWarning.other("file URLs are supported for images only; " + f.url() + " dropped"));
      return null;
    }
    String base64 = Base64.getEncoder().encodeToString(f.data());
    switch (type) {
      case "audio/wav", "audio/mpeg", "audio/mp3" -> {
        c.put("type", "input_audio");
        ObjectNode audio = c.putObject("input_audio");
        audio.put("data", base64);
        audio.put("format", type.equals("audio/wav") ? "wav" : "mp3");
        return c;
      }
      case "application/pdf" -> {
        c.put("type", "file");
        ObjectNode file = c.putObject("file");
        file.put("filename", f.filename().isEmpty() ? "part-" + index + ".pdf" : f.filename());
        file.put("file_data", "data:application/pdf;base64," + base64);
        return c;
      }
      default -> {
        if (type.startsWith("text/")) {
          c.put("type", "file");
          ObjectNode file = c.putObject("file");
          if (!f.filename().isEmpty()) file.put("filename", f.filename());
          file.put("file_data", base64);
          return c;
        }
        warnings.add(
            CallWarning.other("media type " + f.mediaType() + " is not supported; dropped"));
        return null;
      }
    }
  }

  private static String dataUrl(FilePart f) {
    return "data:" + f.mediaType() + ";base64," + Base64.getEncoder().encodeToString(f.data());
  }

  private void assistant(
      Message message, ArrayNode out, List<CallWarning> warnings, ChatRequest request) {
    var text = new StringBuilder();
    ArrayNode toolCalls = Json.MAPPER.createArrayNode();
    for (Part part : message.parts()) {
      if (part instanceof TextPart t) {
        text.append(t.text());
      } else if (part instanceof ToolCallPart call && !call.providerExecuted()) {
        ObjectNode c = toolCalls.addObject();
        c.put("id", call.toolCallId());
        c.put("type", "function");
        ObjectNode function = c.putObject("function");
        function.put("name", call.toolName());
        function.put("arguments", call.input());
        dialect.decorateToolCall(call, c, request);
      }
      // Reasoning, sources and provider-executed parts are not part of this wire format;
      // dialects that replay reasoning add it in decorateMessage.
    }
    if (text.length() == 0 && toolCalls.isEmpty()) {
      warnings.add(CallWarning.other("an empty assistant message was dropped"));
      return;
    }
    ObjectNode m = out.addObject();
    m.put("role", "assistant");
    if (text.length() > 0) m.put("content", text.toString());
    if (!toolCalls.isEmpty()) m.set("tool_calls", toolCalls);
  }

  private static void tool(Message message, ArrayNode out, List<CallWarning> warnings) {
    var mediaMessages = new ArrayList<ObjectNode>();
    for (Part part : message.parts()) {
      if (!(part instanceof ToolResultPart result)) {
        warnings.add(CallWarning.other("tool messages take tool results only; a part was dropped"));
        continue;
      }
      ObjectNode m = out.addObject();
      m.put("role", "tool");
      m.put("tool_call_id", result.toolCallId());
      ToolOutput output = result.output();
      if (output instanceof ToolOutput.Text t) m.put("content", t.text());
      else if (output instanceof ToolOutput.Json j)
        m.put("content", Json.write(j.value().toJsonNode()));
      else if (output instanceof ToolOutput.Error e) m.put("content", e.message());
      else if (output instanceof ToolOutput.Media media) {
        m.put(
            "content",
            media.text().isEmpty()
                ? "The tool returned "
                    + media.mediaType()
                    + " content; see the following user message."
                : media.text());
        ObjectNode user = mediaUserMessage(media, warnings);
        if (user != null) mediaMessages.add(user);
      }
    }
    // Chat completions cannot put images in tool messages: they follow as a user message.
    mediaMessages.forEach(out::add);
  }

  private static ObjectNode mediaUserMessage(ToolOutput.Media media, List<CallWarning> warnings) {
    FilePart file = FilePart.of("", media.mediaType(), media.data());
    ObjectNode c = filePart(file, 1, warnings);
    if (c == null) return null;
    ObjectNode m = Json.object();
    m.put("role", "user");
    m.putArray("content").add(c);
    return m;
  }
}
