package dev.reverie.codec.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.CallWarning;
import dev.reverie.ResponseFormat;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.json.Json;
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
import dev.reverie.schema.StrictSchemas;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.ToolChoice;
import dev.reverie.tool.ToolSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds Responses request bodies from a {@link Call}. Pure and thread-safe: no HTTP, no state.
 *
 * <p>Mapping rules worth knowing:
 *
 * <ul>
 *   <li>System messages become one input message with role {@code developer} for reasoning models
 *       and {@code system} for others (the early o1 models take none: dropped with a warning).
 *   <li>Tool calls become {@code function_call} items and results {@code function_call_output}
 *       items; a provider-executed call (web search) becomes an {@code item_reference} when the
 *       response is stored, and is left out otherwise (its result is never sent: the API keeps it).
 *   <li>Reasoning is sent back only when the {@code replay_reasoning} option is on, as {@code
 *       reasoning} items with the {@code openai} data's {@code item_id}, {@code encrypted_content}
 *       and {@code summary}; the reference system never sends it, and the recordings have none.
 *   <li>{@code store} is always sent ({@code false} unless set), so nothing is kept server-side by
 *       accident; {@code previous_response_id} needs {@code store: true} and a prompt without
 *       assistant or tool messages, and fails with a {@link ReverieException} otherwise.
 * </ul>
 *
 * Content and settings the API cannot take are dropped with a {@link CallWarning}, never silently.
 */
final class ResponsesRequestEncoder {
  private static final String OPENAI = ResponsesOptions.OPTIONS_KEY;
  private static final Set<String> EFFORTS =
      Set.of("none", "minimal", "low", "medium", "high", "xhigh");
  // option name -> wire name, copied as given
  private static final Map<String, String> PASS_THROUGH =
      Map.ofEntries(
          Map.entry("parallel_tool_calls", "parallel_tool_calls"),
          Map.entry("max_tool_calls", "max_tool_calls"),
          Map.entry("metadata", "metadata"),
          Map.entry("user", "user"),
          Map.entry("safety_identifier", "safety_identifier"),
          Map.entry("service_tier", "service_tier"),
          Map.entry("prompt_cache_key", "prompt_cache_key"),
          Map.entry("instructions", "instructions"),
          Map.entry("previous_response_id", "previous_response_id"));

  ResponsesRequest encode(Call call, String modelId, boolean stream) {
    return new Encoding(call, modelId).encode(stream);
  }

  /** The state of encoding one call. */
  private static final class Encoding {
    private final Call call;
    private final String modelId;
    private final ObjectNode options;
    private final boolean reasoningModel;
    private final boolean store;
    private final List<CallWarning> warnings = new ArrayList<>();

    Encoding(Call call, String modelId) {
      this.call = call;
      this.modelId = modelId;
      this.options = Json.node(call.providerOptions(), OPENAI).orElse(Json.object());
      this.reasoningModel = ResponsesModels.isReasoningModel(modelId);
      this.store = options.path("store").asBoolean(false);
    }

    ResponsesRequest encode(boolean stream) {
      checkPreviousResponse();
      ObjectNode body = Json.object();
      body.put("model", modelId);
      body.set("input", input());
      if (call.maxOutputTokens() != null) body.put("max_output_tokens", call.maxOutputTokens());
      body.put("store", store);
      sampling(body);
      PASS_THROUGH.forEach(
          (option, wire) -> {
            JsonNode value = options.get(option);
            if (value != null && !value.isNull()) body.set(wire, value);
          });
      JsonNode include = options.get("include");
      if (include != null && include.isArray() && !include.isEmpty()) body.set("include", include);
      reasoning(body);
      text(body);
      tools(body);
      if (stream) body.put("stream", true);
      return new ResponsesRequest(body, warnings);
    }

    private void checkPreviousResponse() {
      if (Json.text(options, "previous_response_id").isEmpty()) return;
      if (!store) {
        throw new ReverieException(
            "openai: previous_response_id requires store to be true (the earlier response must be"
                + " stored to be continued); set store(true) in ResponsesOptions");
      }
      for (Message message : call.prompt().messages()) {
        if (message.role() == Role.ASSISTANT || message.role() == Role.TOOL) {
          throw new ReverieException(
              "openai: cannot combine previous_response_id with replayed conversation history;"
                  + " send only the new system and user messages, the API has the rest");
        }
      }
    }

    private void sampling(ObjectNode body) {
      if (reasoningModel) {
        dropForReasoning(call.temperature(), "temperature");
        dropForReasoning(call.topP(), "topP");
      } else {
        if (call.temperature() != null) body.put("temperature", call.temperature());
        if (call.topP() != null) body.put("top_p", call.topP());
      }
      unsupported(call.topK(), "topK");
      unsupported(call.presencePenalty(), "presencePenalty");
      unsupported(call.frequencyPenalty(), "frequencyPenalty");
      unsupported(call.seed(), "seed");
      if (!call.stopSequences().isEmpty()) {
        warnings.add(
            CallWarning.unsupportedSetting(
                "stopSequences", "the Responses API has no stop sequences"));
      }
    }

    private void dropForReasoning(Object value, String setting) {
      if (value != null) {
        warnings.add(
            CallWarning.unsupportedSetting(
                setting, setting + " is not supported for reasoning models"));
      }
    }

    private void unsupported(Object value, String setting) {
      if (value != null) {
        warnings.add(
            CallWarning.unsupportedSetting(
                setting, setting + " is not supported by the Responses API"));
      }
    }

    private void reasoning(ObjectNode body) {
      String effort = Json.text(options, "reasoning_effort");
      String summary = Json.text(options, "reasoning_summary");
      if (!effort.isEmpty() && !EFFORTS.contains(effort)) {
        throw new ReverieException(
            "openai: unknown reasoning_effort '" + effort + "' (expected one of " + EFFORTS + ")");
      }
      if (effort.isEmpty() && summary.isEmpty()) return;
      if (!reasoningModel) {
        warnings.add(
            CallWarning.unsupportedSetting(
                "reasoning",
                modelId + " is not a reasoning model; the reasoning options were not sent"));
        return;
      }
      ObjectNode reasoning = body.putObject("reasoning");
      if (!effort.isEmpty()) reasoning.put("effort", effort);
      if (!summary.isEmpty()) reasoning.put("summary", summary);
    }

    private void text(ObjectNode body) {
      ResponseFormat format = call.responseFormat();
      String verbosity = Json.text(options, "text_verbosity");
      if (format == null && verbosity.isEmpty()) return;
      ObjectNode text = body.putObject("text");
      if (format != null) {
        ObjectNode node = text.putObject("format");
        node.put("type", "json_schema");
        node.put("name", format.name());
        node.set("schema", StrictSchemas.forOpenAiStrict(Json.node(format.schema())));
      }
      if (!verbosity.isEmpty()) text.put("verbosity", verbosity);
    }

    // ---------------------------------------------------------------- tools

    private void tools(ObjectNode body) {
      boolean strict = options.path("strict_json_schema").asBoolean(false);
      ArrayNode tools = Json.MAPPER.createArrayNode();
      for (ToolSpec spec : call.tools()) {
        if (spec instanceof FunctionToolSpec function) {
          ObjectNode tool = tools.addObject();
          tool.put("type", "function");
          tool.put("name", function.name());
          if (!function.description().isEmpty()) tool.put("description", function.description());
          tool.set("parameters", Json.node(function.inputSchema()));
          tool.put("strict", strict);
        } else if (spec instanceof ProviderToolSpec provider) {
          String prefix = OPENAI + ".";
          if (provider.id().startsWith(prefix) && provider.id().length() > prefix.length()) {
            ObjectNode tool = tools.addObject();
            tool.put("type", provider.id().substring(prefix.length()));
            tool.setAll(Json.node(provider.args()));
          } else {
            warnings.add(
                CallWarning.unsupportedTool(
                    provider.name(),
                    "the provider tool " + provider.id() + " is not an OpenAI tool"));
          }
        }
      }
      if (tools.isEmpty()) {
        if (call.toolChoice() != null && !(call.toolChoice() instanceof ToolChoice.None)) {
          warnings.add(
              CallWarning.unsupportedSetting(
                  "tool_choice", "a tool choice without tools is ignored"));
        }
        return;
      }
      body.set("tools", tools);
      ToolChoice choice = call.toolChoice() == null ? ToolChoice.auto() : call.toolChoice();
      if (choice instanceof ToolChoice.Auto) body.put("tool_choice", "auto");
      else if (choice instanceof ToolChoice.None) body.put("tool_choice", "none");
      else if (choice instanceof ToolChoice.Required) body.put("tool_choice", "required");
      else if (choice instanceof ToolChoice.Specific specific) {
        ObjectNode node = body.putObject("tool_choice");
        node.put("type", "function");
        node.put("name", specific.toolName());
      }
    }

    // ---------------------------------------------------------------- input

    private ArrayNode input() {
      ArrayNode input = Json.MAPPER.createArrayNode();
      for (Message message : call.prompt().messages()) {
        switch (message.role()) {
          case SYSTEM -> system(message, input);
          case USER -> user(message, input);
          case ASSISTANT -> assistant(message, input);
          case TOOL -> tool(message, input);
        }
      }
      return input;
    }

    private void system(Message message, ArrayNode input) {
      var texts = new ArrayList<String>();
      for (Part part : message.parts()) {
        if (part instanceof TextPart text) {
          if (!text.text().isBlank()) texts.add(text.text());
        } else {
          warnings.add(CallWarning.other("system messages take text only; a part was dropped"));
        }
      }
      if (texts.isEmpty()) {
        warnings.add(CallWarning.other("an empty system message was dropped"));
        return;
      }
      if (ResponsesModels.takesNoSystemMessage(modelId)) {
        warnings.add(
            CallWarning.other(
                modelId + " takes no system message; the system message was dropped"));
        return;
      }
      ObjectNode item = input.addObject();
      item.put("role", reasoningModel ? "developer" : "system");
      item.put("content", String.join("\n", texts));
    }

    private void user(Message message, ArrayNode input) {
      ArrayNode content = Json.MAPPER.createArrayNode();
      int fileIndex = 0;
      for (Part part : message.parts()) {
        if (part instanceof TextPart text) {
          content.addObject().put("type", "input_text").put("text", text.text());
        } else if (part instanceof FilePart file) {
          fileIndex++;
          ObjectNode encoded = file(file, fileIndex);
          if (encoded != null) content.add(encoded);
        } else {
          warnings.add(CallWarning.other("user messages take text and files; a part was dropped"));
        }
      }
      if (content.isEmpty()) {
        warnings.add(CallWarning.other("an empty user message was dropped"));
        return;
      }
      ObjectNode item = input.addObject();
      item.put("role", "user");
      item.set("content", content);
    }

    private ObjectNode file(FilePart file, int index) {
      String mediaType = file.mediaType().toLowerCase(Locale.ROOT);
      ObjectNode node = Json.object();
      if (mediaType.startsWith("image/")) {
        node.put("type", "input_image");
        node.put("image_url", file.isUrl() ? file.url() : dataUrl(file.mediaType(), file.data()));
        Json.node(file.providerData(), OPENAI)
            .map(o -> o.path("image_detail"))
            .filter(JsonNode::isTextual)
            .ifPresent(detail -> node.put("detail", detail.asText()));
        return node;
      }
      if (mediaType.equals("application/pdf")) {
        node.put("type", "input_file");
        if (file.isUrl()) {
          node.put("file_url", file.url());
        } else {
          node.put(
              "filename", file.filename().isEmpty() ? "part-" + index + ".pdf" : file.filename());
          node.put("file_data", dataUrl("application/pdf", file.data()));
        }
        return node;
      }
      warnings.add(
          CallWarning.other(
              "a file of type "
                  + file.mediaType()
                  + " cannot be sent to the Responses API and was"
                  + " dropped"));
      return null;
    }

    private static String dataUrl(String mediaType, byte[] data) {
      return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(data);
    }

    private void assistant(Message message, ArrayNode input) {
      boolean replayReasoning = options.path("replay_reasoning").asBoolean(false);
      for (Part part : message.parts()) {
        if (part instanceof TextPart text) {
          if (text.text().isEmpty()) continue;
          ObjectNode item = input.addObject();
          item.put("role", "assistant");
          item.put("content", text.text());
        } else if (part instanceof ToolCallPart toolCall) {
          if (toolCall.providerExecuted()) {
            providerExecutedCall(toolCall, input);
          } else {
            ObjectNode item = input.addObject();
            item.put("type", "function_call");
            item.put("call_id", toolCall.toolCallId());
            item.put("name", toolCall.toolName());
            item.put("arguments", toolCall.input());
          }
        } else if (part instanceof ReasoningPart reasoning) {
          if (replayReasoning) reasoningItem(reasoning, input);
        } else if (!(part instanceof SourcePart) && !(part instanceof ToolResultPart)) {
          warnings.add(
              CallWarning.other(
                  "an assistant " + part.getClass().getSimpleName() + " was dropped"));
        }
      }
    }

    private void providerExecutedCall(ToolCallPart toolCall, ArrayNode input) {
      if (!store) return; // the API keeps no item to refer to; the answer's text carries it
      String itemId =
          Json.node(toolCall.providerData(), OPENAI)
              .map(data -> Json.text(data, "item_id"))
              .filter(id -> !id.isEmpty())
              .orElse(toolCall.toolCallId());
      input.addObject().put("type", "item_reference").put("id", itemId);
    }

    private void reasoningItem(ReasoningPart reasoning, ArrayNode input) {
      ObjectNode data = Json.node(reasoning.providerData(), OPENAI).orElse(Json.object());
      String itemId = Json.text(data, "item_id");
      if (itemId.isEmpty()) {
        warnings.add(
            CallWarning.other("reasoning without an OpenAI item id cannot be sent back; dropped"));
        return;
      }
      String encrypted = Json.text(data, "encrypted_content");
      if (encrypted.isEmpty() && !store) {
        // Without storage the API knows the item only from its encrypted content.
        warnings.add(
            CallWarning.other(
                "reasoning "
                    + itemId
                    + " has no encrypted content and the response is not stored, so it cannot be"
                    + " sent back; include "
                    + ResponsesOptions.ENCRYPTED_REASONING
                    + " to keep reasoning across turns"));
        return;
      }
      ObjectNode item = input.addObject();
      item.put("type", "reasoning");
      item.put("id", itemId);
      if (!encrypted.isEmpty()) item.put("encrypted_content", encrypted);
      ArrayNode summary = item.putArray("summary");
      JsonNode summaries = data.path("summary");
      if (summaries.isArray()) {
        for (JsonNode text : summaries) {
          summary.addObject().put("type", "summary_text").put("text", text.asText());
        }
      } else if (!reasoning.text().isEmpty()) {
        summary.addObject().put("type", "summary_text").put("text", reasoning.text());
      }
    }

    private void tool(Message message, ArrayNode input) {
      var mediaMessages = new ArrayList<ObjectNode>();
      for (Part part : message.parts()) {
        if (!(part instanceof ToolResultPart result)) {
          warnings.add(
              CallWarning.other("tool messages take tool results only; a part was dropped"));
          continue;
        }
        if (result.providerExecuted()) continue; // the API ran it and has its result
        ObjectNode item = input.addObject();
        item.put("type", "function_call_output");
        item.put("call_id", result.toolCallId());
        ToolOutput output = result.output();
        if (output instanceof ToolOutput.Text text) item.put("output", text.text());
        else if (output instanceof ToolOutput.Json json)
          item.put("output", Json.write(json.value().toJsonNode()));
        else if (output instanceof ToolOutput.Error error) item.put("output", error.message());
        else if (output instanceof ToolOutput.Media media) {
          item.put(
              "output",
              media.text().isEmpty()
                  ? "The tool returned "
                      + media.mediaType()
                      + " content; see the following user message."
                  : media.text());
          if (media.mediaType().toLowerCase(Locale.ROOT).startsWith("image/")) {
            ObjectNode user = Json.object();
            user.put("role", "user");
            user.putArray("content")
                .addObject()
                .put("type", "input_image")
                .put("image_url", dataUrl(media.mediaType(), media.data()));
            mediaMessages.add(user);
          } else {
            warnings.add(
                CallWarning.other(
                    "tool result "
                        + result.toolCallId()
                        + ": media of type "
                        + media.mediaType()
                        + " cannot be sent to the Responses API and was dropped"));
          }
        }
      }
      mediaMessages.forEach(input::add);
    }
  }
}
