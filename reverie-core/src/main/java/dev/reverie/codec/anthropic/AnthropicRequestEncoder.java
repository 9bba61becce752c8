package dev.reverie.codec.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.CallWarning;
import dev.reverie.ProviderData;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.json.Json;
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
import dev.reverie.tool.ToolChoice;
import dev.reverie.tool.ToolSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds Messages API request bodies from a {@link Call}. Pure and thread-safe: no HTTP, no state.
 *
 * <p>Mapping rules worth knowing:
 *
 * <ul>
 *   <li>System messages become the {@code system} blocks; a system message after the conversation
 *       started is added there too, with a warning (the API has a single system prompt).
 *   <li>Consecutive messages of the same role are merged into one turn; tool messages join the user
 *       turn, because tool results are user content on this API.
 *   <li>Reasoning goes back as {@code thinking} (with its {@code signature}) or {@code
 *       redacted_thinking} (with its {@code redacted_data}), both taken from the part's {@code
 *       anthropic} provider data; reasoning without either cannot be verified by the API and is
 *       dropped with a warning.
 *   <li>Provider-executed tool calls and results (web search) are replayed as {@code
 *       server_tool_use} and the recorded result block, unchanged.
 *   <li>{@code cache_control} in a part's {@code anthropic} data goes on that part's block; on a
 *       message, on the message's last block; on a function tool, on the tool.
 *   <li>{@code max_tokens} is required by the API: {@value #DEFAULT_MAX_TOKENS} when the call sets
 *       none, raised to the thinking budget plus {@value #DEFAULT_MAX_TOKENS} when that budget
 *       would not fit (the limit includes the thinking tokens).
 * </ul>
 *
 * Content the API cannot take is dropped with a {@link CallWarning}, never silently.
 */
public final class AnthropicRequestEncoder {
  /** The output limit sent when the call has none. */
  public static final int DEFAULT_MAX_TOKENS = 4096;

  private static final String PROVIDER = AnthropicFormat.OPTIONS_KEY;
  private static final Map<String, String> TOOL_TYPE_ALIASES =
      Map.of("web_search", "web_search_20250305", "computer", "computer_20250124");
  private static final Map<String, String> TOOL_BETAS =
      Map.of(
          ComputerUseVersion.COMPUTER_20250124.toolType(),
          ComputerUseVersion.COMPUTER_20250124.betaFlag(),
          ComputerUseVersion.COMPUTER_20251124.toolType(),
          ComputerUseVersion.COMPUTER_20251124.betaFlag(),
          "computer_20241022",
          "computer-use-2024-10-22");

  /**
   * Encodes {@code call} for {@code modelId}.
   *
   * @param stream whether to ask for a streamed answer ({@code "stream": true})
   * @throws ReverieException when the call's {@code anthropic} provider options are malformed
   */
  public AnthropicRequest encode(Call call, String modelId, boolean stream) {
    return new Encoding(call).encode(modelId, stream);
  }

  /** The typed {@code anthropic} options of a call, or defaults when it has none. */
  static AnthropicOptions options(ProviderData providerOptions) {
    try {
      return providerOptions
          .get(PROVIDER, AnthropicOptions.class)
          .orElse(new AnthropicOptions(null, null, null, null, null));
    } catch (IllegalArgumentException e) {
      throw new ReverieException(
          "anthropic: the provider options do not fit AnthropicOptions: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return t.getMessage();
  }

  /** The state of encoding one call: its options, the warnings and betas collected so far. */
  private static final class Encoding {
    private final Call call;
    private final AnthropicOptions options;
    private final List<CallWarning> warnings = new ArrayList<>();
    private final LinkedHashSet<String> betas = new LinkedHashSet<>();

    Encoding(Call call) {
      this.call = call;
      this.options = options(call.providerOptions());
    }

    AnthropicRequest encode(String modelId, boolean stream) {
      ObjectNode body = Json.object();
      if (modelId != null) body.put("model", modelId);
      body.put("max_tokens", maxTokens());

      ArrayNode system = Json.MAPPER.createArrayNode();
      ArrayNode messages = Json.MAPPER.createArrayNode();
      encodePrompt(system, messages);
      if (!system.isEmpty()) body.set("system", system);
      body.set("messages", messages);

      encodeTools(body);
      boolean thinking = encodeThinking(body);
      encodeSampling(body, thinking);
      if (options.betas() != null) betas.addAll(options.betas());
      if (options.extraBody() != null) body.setAll(Json.node(options.extraBody()));
      if (stream) body.put("stream", true);
      return new AnthropicRequest(body, List.copyOf(betas), warnings);
    }

    private int maxTokens() {
      if (call.maxOutputTokens() != null) return call.maxOutputTokens();
      Integer budget = options.thinking() == null ? null : options.thinking().budgetTokens();
      if (budget != null && budget >= DEFAULT_MAX_TOKENS) return budget + DEFAULT_MAX_TOKENS;
      return DEFAULT_MAX_TOKENS;
    }

    // ---------------------------------------------------------------- prompt

    private void encodePrompt(ArrayNode system, ArrayNode messages) {
      boolean conversationStarted = false;
      for (Message message : call.prompt().messages()) {
        switch (message.role()) {
          case SYSTEM -> {
            if (conversationStarted) {
              warnings.add(
                  CallWarning.other(
                      "a system message after the first user or assistant message was added to"
                          + " the system prompt: the API has a single system prompt"));
            }
            system.addAll(systemBlocks(message));
          }
          case USER, TOOL -> {
            conversationStarted = true;
            appendTurn(messages, "user", userBlocks(message), message);
          }
          case ASSISTANT -> {
            conversationStarted = true;
            appendTurn(messages, "assistant", assistantBlocks(message), message);
          }
        }
      }
    }

    private void appendTurn(
        ArrayNode messages, String role, List<ObjectNode> blocks, Message from) {
      if (blocks.isEmpty()) {
        warnings.add(
            CallWarning.other(
                "an empty "
                    + from.role().name().toLowerCase(Locale.ROOT)
                    + " message was dropped"));
        return;
      }
      applyCacheControl(blocks.get(blocks.size() - 1), from.providerData());
      JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
      if (last != null && role.equals(last.path("role").asText())) {
        ((ArrayNode) last.get("content")).addAll(blocks);
        return;
      }
      ObjectNode turn = messages.addObject();
      turn.put("role", role);
      turn.putArray("content").addAll(blocks);
    }

    private List<ObjectNode> systemBlocks(Message message) {
      var blocks = new ArrayList<ObjectNode>();
      for (Part part : message.parts()) {
        if (part instanceof TextPart text) {
          if (!text.text().isEmpty()) blocks.add(withCache(textBlock(text.text()), part));
        } else {
          warnings.add(unsupportedPart(part, "system"));
        }
      }
      if (!blocks.isEmpty())
        applyCacheControl(blocks.get(blocks.size() - 1), message.providerData());
      return blocks;
    }

    private List<ObjectNode> userBlocks(Message message) {
      var blocks = new ArrayList<ObjectNode>();
      for (Part part : message.parts()) {
        if (part instanceof TextPart text) {
          if (!text.text().isEmpty()) blocks.add(withCache(textBlock(text.text()), part));
        } else if (part instanceof FilePart file) {
          fileBlock(file).ifPresent(block -> blocks.add(withCache(block, part)));
        } else if (part instanceof ToolResultPart result && !result.providerExecuted()) {
          blocks.add(withCache(toolResultBlock(result), part));
        } else if (!(part instanceof SourcePart)) {
          warnings.add(unsupportedPart(part, message.role().name().toLowerCase(Locale.ROOT)));
        }
      }
      return blocks;
    }

    private List<ObjectNode> assistantBlocks(Message message) {
      var blocks = new ArrayList<ObjectNode>();
      for (Part part : message.parts()) {
        if (part instanceof TextPart text) {
          if (!text.text().isEmpty()) blocks.add(withCache(textBlock(text.text()), part));
        } else if (part instanceof ReasoningPart reasoning) {
          reasoningBlock(reasoning).ifPresent(block -> blocks.add(withCache(block, part)));
        } else if (part instanceof ToolCallPart toolCall) {
          blocks.add(withCache(toolUseBlock(toolCall), part));
        } else if (part instanceof ToolResultPart result && result.providerExecuted()) {
          serverToolResultBlock(result).ifPresent(block -> blocks.add(withCache(block, part)));
        } else if (!(part instanceof SourcePart)) {
          warnings.add(unsupportedPart(part, "assistant"));
        }
      }
      return blocks;
    }

    private CallWarning unsupportedPart(Part part, String role) {
      return CallWarning.other(
          "a "
              + part.getClass().getSimpleName()
              + " cannot be sent in a "
              + role
              + " message to Anthropic and was dropped");
    }

    // ---------------------------------------------------------------- blocks

    private static ObjectNode textBlock(String text) {
      ObjectNode block = Json.object();
      block.put("type", "text");
      block.put("text", text);
      return block;
    }

    private Optional<ObjectNode> fileBlock(FilePart file) {
      String mediaType = file.mediaType().toLowerCase(Locale.ROOT);
      ObjectNode block = Json.object();
      if (mediaType.startsWith("image/")) {
        block.put("type", "image");
        block.set("source", file.isUrl() ? urlSource(file.url()) : base64Source(file));
        return Optional.of(block);
      }
      if (mediaType.equals("application/pdf")) {
        block.put("type", "document");
        block.set("source", file.isUrl() ? urlSource(file.url()) : base64Source(file));
        if (!file.filename().isEmpty()) block.put("title", file.filename());
        return Optional.of(block);
      }
      if (mediaType.startsWith("text/") && !file.isUrl()) {
        block.put("type", "document");
        ObjectNode source = block.putObject("source");
        source.put("type", "text");
        source.put("media_type", "text/plain");
        source.put("data", new String(file.data(), StandardCharsets.UTF_8));
        if (!file.filename().isEmpty()) block.put("title", file.filename());
        return Optional.of(block);
      }
      warnings.add(
          CallWarning.other(
              "a file of type "
                  + file.mediaType()
                  + " cannot be sent to Anthropic and was dropped"));
      return Optional.empty();
    }

    private static ObjectNode base64Source(FilePart file) {
      return base64Source(file.mediaType(), file.data());
    }

    private static ObjectNode base64Source(String mediaType, byte[] data) {
      ObjectNode source = Json.object();
      source.put("type", "base64");
      source.put("media_type", mediaType);
      source.put("data", Base64.getEncoder().encodeToString(data));
      return source;
    }

    private static ObjectNode urlSource(String url) {
      ObjectNode source = Json.object();
      source.put("type", "url");
      source.put("url", url);
      return source;
    }

    private Optional<ObjectNode> reasoningBlock(ReasoningPart reasoning) {
      if (Boolean.FALSE.equals(options.sendReasoning())) {
        warnings.add(
            CallWarning.unsupportedSetting(
                "send_reasoning", "reasoning was not sent back because send_reasoning is false"));
        return Optional.empty();
      }
      ObjectNode data = Json.node(reasoning.providerData(), PROVIDER).orElse(Json.object());
      String signature = Json.text(data, "signature");
      String redacted = Json.text(data, "redacted_data");
      ObjectNode block = Json.object();
      if (!signature.isEmpty()) {
        block.put("type", "thinking");
        block.put("thinking", reasoning.text());
        block.put("signature", signature);
        return Optional.of(block);
      }
      if (!redacted.isEmpty()) {
        block.put("type", "redacted_thinking");
        block.put("data", redacted);
        return Optional.of(block);
      }
      warnings.add(
          CallWarning.other(
              "reasoning without an Anthropic signature cannot be sent back and was dropped"));
      return Optional.empty();
    }

    private ObjectNode toolUseBlock(ToolCallPart toolCall) {
      ObjectNode block = Json.object();
      block.put("type", toolCall.providerExecuted() ? "server_tool_use" : "tool_use");
      block.put("id", toolCall.toolCallId());
      block.put("name", toolCall.toolName());
      block.set("input", toolInput(toolCall));
      return block;
    }

    private JsonNode toolInput(ToolCallPart toolCall) {
      try {
        JsonNode input = Json.MAPPER.readTree(toolCall.input());
        if (input != null && input.isObject()) return input;
      } catch (Exception malformed) {
        // reported below
      }
      warnings.add(
          CallWarning.other(
              "the input of tool call "
                  + toolCall.toolCallId()
                  + " is not a JSON object and was sent as {}"));
      return Json.object();
    }

    private ObjectNode toolResultBlock(ToolResultPart result) {
      ObjectNode block = Json.object();
      block.put("type", "tool_result");
      block.put("tool_use_id", result.toolCallId());
      ArrayNode content = Json.MAPPER.createArrayNode();
      ToolOutput output = result.output();
      if (output instanceof ToolOutput.Text text) {
        if (!text.text().isEmpty()) content.add(textBlock(text.text()));
      } else if (output instanceof ToolOutput.Json json) {
        content.add(textBlock(Json.write(json.value().toJsonNode())));
      } else if (output instanceof ToolOutput.Error error) {
        content.add(textBlock(error.message()));
        block.put("is_error", true);
      } else if (output instanceof ToolOutput.Media media) {
        mediaBlock(media, result.toolCallId()).ifPresent(content::add);
        if (!media.text().isEmpty()) content.add(textBlock(media.text()));
      }
      if (!content.isEmpty()) block.set("content", content);
      return block;
    }

    private Optional<ObjectNode> mediaBlock(ToolOutput.Media media, String toolCallId) {
      String mediaType = media.mediaType().toLowerCase(Locale.ROOT);
      ObjectNode block = Json.object();
      if (mediaType.startsWith("image/")) {
        block.put("type", "image");
      } else if (mediaType.equals("application/pdf")) {
        block.put("type", "document");
      } else {
        warnings.add(
            CallWarning.other(
                "tool result "
                    + toolCallId
                    + ": media of type "
                    + media.mediaType()
                    + " cannot be sent to Anthropic and was dropped"));
        return Optional.empty();
      }
      block.set("source", base64Source(media.mediaType(), media.data()));
      return Optional.of(block);
    }

    /**
     * The result block of a provider-executed tool as the API sent it (kept in the part's {@code
     * anthropic} data under {@code result_block}), so it goes back unchanged.
     */
    private Optional<ObjectNode> serverToolResultBlock(ToolResultPart result) {
      Optional<JsonNode> recorded =
          Json.node(result.providerData(), PROVIDER)
              .map(data -> data.get(AnthropicResponseDecoder.RESULT_BLOCK))
              .filter(JsonNode::isObject);
      if (recorded.isPresent()) {
        ObjectNode block = (ObjectNode) recorded.get();
        block.put("tool_use_id", result.toolCallId());
        return Optional.of(block);
      }
      if (result.output() instanceof ToolOutput.Json json
          && (json.value().isArray() || json.value().isObject())) {
        ObjectNode block = Json.object();
        block.put("type", result.toolName() + "_tool_result");
        block.put("tool_use_id", result.toolCallId());
        block.set("content", json.value().toJsonNode());
        return Optional.of(block);
      }
      warnings.add(
          CallWarning.other(
              "the result of provider-executed tool call "
                  + result.toolCallId()
                  + " has no Anthropic result block and was dropped"));
      return Optional.empty();
    }

    private static ObjectNode withCache(ObjectNode block, Part part) {
      applyCacheControl(block, part.providerData());
      return block;
    }

    private static void applyCacheControl(ObjectNode block, ProviderData data) {
      cacheControl(data).ifPresent(cache -> block.set("cache_control", cache));
    }

    // ---------------------------------------------------------------- tools

    private void encodeTools(ObjectNode body) {
      ArrayNode tools = Json.MAPPER.createArrayNode();
      for (ToolSpec spec : call.tools()) {
        if (spec instanceof FunctionToolSpec function) {
          tools.add(functionTool(function));
        } else if (spec instanceof ProviderToolSpec provider) {
          providerTool(provider).ifPresent(tools::add);
        }
      }
      ToolChoice choice = call.toolChoice();
      if (tools.isEmpty()) {
        if (choice != null && !(choice instanceof ToolChoice.None)) {
          warnings.add(
              CallWarning.unsupportedSetting(
                  "tool_choice", "a tool choice without tools is ignored"));
        }
        return;
      }
      body.set("tools", tools);
      boolean disableParallel = Boolean.TRUE.equals(options.disableParallelToolUse());
      if (choice == null && options.disableParallelToolUse() != null) choice = ToolChoice.auto();
      if (choice == null) return;
      ObjectNode toolChoice = body.putObject("tool_choice");
      if (choice instanceof ToolChoice.None) {
        toolChoice.put("type", "none");
        return;
      }
      if (choice instanceof ToolChoice.Auto) {
        toolChoice.put("type", "auto");
      } else if (choice instanceof ToolChoice.Required) {
        toolChoice.put("type", "any");
      } else if (choice instanceof ToolChoice.Specific specific) {
        toolChoice.put("type", "tool");
        toolChoice.put("name", specific.toolName());
      }
      toolChoice.put("disable_parallel_tool_use", disableParallel);
    }

    private static ObjectNode functionTool(FunctionToolSpec function) {
      ObjectNode tool = Json.object();
      tool.put("name", function.name());
      if (!function.description().isEmpty()) tool.put("description", function.description());
      ObjectNode schema = Json.node(function.inputSchema());
      if (!schema.has("type")) schema.put("type", "object");
      tool.set("input_schema", schema);
      applyCacheControl(tool, function.providerData());
      return tool;
    }

    private Optional<ObjectNode> providerTool(ProviderToolSpec spec) {
      String prefix = PROVIDER + ".";
      if (!spec.id().startsWith(prefix) || spec.id().length() == prefix.length()) {
        warnings.add(
            CallWarning.unsupportedTool(
                spec.name(), "the provider tool " + spec.id() + " is not an Anthropic tool"));
        return Optional.empty();
      }
      ObjectNode args = Json.node(spec.args());
      String type = spec.id().substring(prefix.length());
      JsonNode version = args.remove("tool_version");
      if (version != null && version.isTextual() && type.equals("computer"))
        type = version.asText();
      type = TOOL_TYPE_ALIASES.getOrDefault(type, type);
      ObjectNode tool = Json.object();
      tool.put("type", type);
      tool.put("name", spec.name());
      for (Map.Entry<String, JsonNode> field : args.properties()) {
        tool.set(field.getKey(), integral(field.getValue()));
      }
      String beta = TOOL_BETAS.get(type);
      if (beta != null) betas.add(beta);
      return Optional.of(tool);
    }

    /** {@code 1920.0} becomes {@code 1920}: tool arguments that went through JSON may be floats. */
    private static JsonNode integral(JsonNode value) {
      if (value.isFloatingPointNumber()) {
        double d = value.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
          return Json.MAPPER.getNodeFactory().numberNode((long) d);
        }
      }
      return value;
    }

    // ---------------------------------------------------------------- settings

    private boolean encodeThinking(ObjectNode body) {
      AnthropicOptions.Thinking thinking = options.thinking();
      if (thinking == null) return false;
      if (thinking.budgetTokens() == null) {
        throw new ReverieException("anthropic: thinking requires a budget (budget_tokens)");
      }
      ObjectNode node = body.putObject("thinking");
      node.put("type", "enabled");
      node.put("budget_tokens", thinking.budgetTokens());
      return true;
    }

    private void encodeSampling(ObjectNode body, boolean thinking) {
      if (call.temperature() != null) {
        if (thinking) warnings.add(droppedForThinking("temperature"));
        else body.put("temperature", call.temperature());
      }
      if (call.topP() != null) {
        if (thinking) warnings.add(droppedForThinking("top_p"));
        else body.put("top_p", call.topP());
      }
      if (call.topK() != null) {
        if (thinking) warnings.add(droppedForThinking("top_k"));
        else body.put("top_k", call.topK());
      }
      if (!call.stopSequences().isEmpty()) {
        ArrayNode stop = body.putArray("stop_sequences");
        call.stopSequences().forEach(stop::add);
      }
      if (call.presencePenalty() != null) warnings.add(unsupported("presence_penalty"));
      if (call.frequencyPenalty() != null) warnings.add(unsupported("frequency_penalty"));
      if (call.seed() != null) warnings.add(unsupported("seed"));
      if (call.responseFormat() != null) {
        warnings.add(
            CallWarning.unsupportedSetting(
                "response_format",
                "Anthropic has no native JSON output; objects are generated through a forced tool"));
      }
    }

    private static CallWarning droppedForThinking(String setting) {
      return CallWarning.unsupportedSetting(
          setting, setting + " is not supported with extended thinking and was not sent");
    }

    private static CallWarning unsupported(String setting) {
      return CallWarning.unsupportedSetting(setting, setting + " is not supported by Anthropic");
    }
  }

  /** The {@code cache_control} object in the {@code anthropic} data, if any. */
  static Optional<JsonNode> cacheControl(ProviderData data) {
    return Json.node(data, PROVIDER)
        .map(node -> node.get("cache_control"))
        .filter(JsonNode::isObject);
  }
}
