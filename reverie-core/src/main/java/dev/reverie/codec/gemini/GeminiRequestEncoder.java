package dev.reverie.codec.gemini;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds {@code generateContent} request bodies from a {@link Call}. Pure and thread-safe.
 *
 * <p>Mapping rules worth knowing:
 *
 * <ul>
 *   <li>System messages become {@code systemInstruction} (their texts joined with a newline); a
 *       system message after the conversation started joins it too, with a warning. Gemma models
 *       take no system instruction: the text goes before the first user message instead.
 *   <li>User and tool messages are {@code user} content, assistant messages {@code model} content;
 *       consecutive messages of the same role are merged into one content.
 *   <li>Reasoning text is not sent back (the API does not take it); a reasoning part's thought
 *       signature ({@code google.signature}) goes on the next text or function-call part of the
 *       same turn as {@code thoughtSignature}, which is where the API returned it.
 *   <li>Tool results are {@code functionResponse} parts with {@code response: {"result": ...}} (the
 *       text, the JSON value, or the error message); media results are dropped with a warning.
 *   <li>Function-call ids are sent when {@code sendFunctionCallIds} (Gemini API); Vertex AI rejects
 *       them.
 *   <li>A thinking budget between 1 and 127 is raised to 128 with a warning; a budget together with
 *       a level is an error.
 * </ul>
 */
public final class GeminiRequestEncoder {
  /** The smallest thinking budget the API takes (other than 0 and -1). */
  public static final int MIN_THINKING_BUDGET = 128;

  private static final String PROVIDER = GeminiFormat.OPTIONS_KEY;
  private static final Set<String> THINKING_LEVELS = Set.of("MINIMAL", "LOW", "MEDIUM", "HIGH");

  private final boolean sendFunctionCallIds;

  /**
   * @param sendFunctionCallIds whether {@code functionCall} and {@code functionResponse} parts
   *     carry their ids (the Gemini API does; Vertex AI answers 400 to them)
   */
  public GeminiRequestEncoder(boolean sendFunctionCallIds) {
    this.sendFunctionCallIds = sendFunctionCallIds;
  }

  /**
   * Encodes {@code call} for {@code modelId} (the model is in the URL, not the body).
   *
   * @throws ReverieException when the {@code google} options are malformed or contradictory
   */
  public GeminiRequest encode(Call call, String modelId) {
    return new Encoding(call, modelId).encode();
  }

  /** The typed {@code google} options of a call, or none. */
  static GeminiOptions options(ProviderData providerOptions) {
    try {
      return providerOptions
          .get(PROVIDER, GeminiOptions.class)
          .orElse(new GeminiOptions(null, null, null, null));
    } catch (IllegalArgumentException e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      throw new ReverieException(
          "google: the provider options do not fit GeminiOptions: " + root.getMessage(), e);
    }
  }

  /** The state of encoding one call. */
  private final class Encoding {
    private final Call call;
    private final String modelId;
    private final GeminiOptions options;
    private final List<CallWarning> warnings = new ArrayList<>();

    Encoding(Call call, String modelId) {
      this.call = call;
      this.modelId = modelId;
      this.options = options(call.providerOptions());
    }

    GeminiRequest encode() {
      ObjectNode body = Json.object();
      ArrayNode contents = body.putArray("contents");
      String system = encodePrompt(contents);
      if (!system.isEmpty()) {
        if (isGemma()) {
          prependToFirstUserContent(contents, system);
        } else {
          ObjectNode instruction = body.putObject("systemInstruction");
          instruction.putArray("parts").addObject().put("text", system);
          instruction.put("role", "user");
        }
      }
      if (contents.isEmpty()) {
        throw new ReverieException("google: the prompt has no user or assistant message to send");
      }
      ObjectNode generationConfig = generationConfig();
      if (!generationConfig.isEmpty()) body.set("generationConfig", generationConfig);
      encodeTools(body);
      if (options.safetySettings() != null) {
        ArrayNode settings = body.putArray("safetySettings");
        for (GeminiOptions.SafetySetting setting : options.safetySettings()) {
          settings
              .addObject()
              .put("category", setting.category())
              .put("threshold", setting.threshold());
        }
      }
      if (options.cachedContent() != null) body.put("cachedContent", options.cachedContent());
      if (options.extraBody() != null) body.setAll(Json.node(options.extraBody()));
      return new GeminiRequest(body, warnings);
    }

    private boolean isGemma() {
      return modelId.toLowerCase(Locale.ROOT).startsWith("gemma-");
    }

    private void prependToFirstUserContent(ArrayNode contents, String system) {
      for (JsonNode content : contents) {
        if ("user".equals(Json.text(content, "role"))) {
          ObjectNode text = Json.object().put("text", system + "\n\n");
          ((ArrayNode) content.get("parts")).insert(0, text);
          return;
        }
      }
    }

    // ---------------------------------------------------------------- prompt

    /** Encodes the conversation into {@code contents}; returns the system text. */
    private String encodePrompt(ArrayNode contents) {
      var system = new ArrayList<String>();
      boolean conversationStarted = false;
      for (Message message : call.prompt().messages()) {
        switch (message.role()) {
          case SYSTEM -> {
            if (conversationStarted) {
              warnings.add(
                  CallWarning.other(
                      "a system message after the first user or assistant message was added to"
                          + " the system instruction: Gemini has a single one"));
            }
            for (Part part : message.parts()) {
              if (part instanceof TextPart text) {
                if (!text.text().isEmpty()) system.add(text.text());
              } else {
                warnings.add(unsupportedPart(part, "system"));
              }
            }
          }
          case USER -> {
            conversationStarted = true;
            append(contents, "user", userParts(message), message);
          }
          case TOOL -> {
            conversationStarted = true;
            append(contents, "user", toolParts(message), message);
          }
          case ASSISTANT -> {
            conversationStarted = true;
            append(contents, "model", modelParts(message), message);
          }
        }
      }
      return String.join("\n", system);
    }

    private void append(ArrayNode contents, String role, List<ObjectNode> parts, Message from) {
      if (parts.isEmpty()) {
        warnings.add(
            CallWarning.other(
                "an empty "
                    + from.role().name().toLowerCase(Locale.ROOT)
                    + " message was dropped"));
        return;
      }
      JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
      if (last != null && role.equals(Json.text(last, "role"))) {
        ((ArrayNode) last.get("parts")).addAll(parts);
        return;
      }
      ObjectNode content = contents.addObject();
      content.putArray("parts").addAll(parts);
      content.put("role", role);
    }

    private List<ObjectNode> userParts(Message message) {
      var parts = new ArrayList<ObjectNode>();
      for (Part part : message.parts()) {
        if (part instanceof TextPart text) {
          if (!text.text().isEmpty()) parts.add(Json.object().put("text", text.text()));
        } else if (part instanceof FilePart file) {
          parts.add(filePart(file));
        } else if (part instanceof ToolResultPart result) {
          functionResponse(result).ifPresent(parts::add);
        } else if (!(part instanceof SourcePart)) {
          warnings.add(unsupportedPart(part, "user"));
        }
      }
      return parts;
    }

    private List<ObjectNode> toolParts(Message message) {
      var parts = new ArrayList<ObjectNode>();
      for (Part part : message.parts()) {
        if (part instanceof ToolResultPart result) {
          functionResponse(result).ifPresent(parts::add);
        } else {
          warnings.add(unsupportedPart(part, "tool"));
        }
      }
      return parts;
    }

    private List<ObjectNode> modelParts(Message message) {
      var parts = new ArrayList<ObjectNode>();
      String signature = "";
      for (Part part : message.parts()) {
        if (part instanceof ReasoningPart reasoning) {
          String own = signature(reasoning.providerData());
          if (!own.isEmpty()) signature = own;
        } else if (part instanceof TextPart text) {
          if (text.text().isEmpty()) continue;
          ObjectNode node = Json.object().put("text", text.text());
          if (!signature.isEmpty()) node.put("thoughtSignature", signature);
          signature = "";
          parts.add(node);
        } else if (part instanceof ToolCallPart toolCall) {
          if (toolCall.providerExecuted()) {
            warnings.add(
                CallWarning.other(
                    "the provider-executed tool call "
                        + toolCall.toolCallId()
                        + " cannot be sent to Gemini and was dropped"));
            continue;
          }
          ObjectNode node = Json.object();
          ObjectNode functionCall = node.putObject("functionCall");
          if (sendFunctionCallIds) functionCall.put("id", toolCall.toolCallId());
          functionCall.put("name", toolCall.toolName());
          functionCall.set("args", arguments(toolCall));
          if (!signature.isEmpty()) node.put("thoughtSignature", signature);
          signature = "";
          parts.add(node);
        } else if (part instanceof FilePart file) {
          parts.add(filePart(file));
        } else if (!(part instanceof SourcePart)) {
          warnings.add(unsupportedPart(part, "assistant"));
        }
      }
      return parts;
    }

    private ObjectNode filePart(FilePart file) {
      ObjectNode part = Json.object();
      if (file.isUrl()) {
        part.putObject("fileData").put("mimeType", file.mediaType()).put("fileUri", file.url());
      } else {
        part.putObject("inlineData")
            .put("data", Base64.getEncoder().encodeToString(file.data()))
            .put("mimeType", file.mediaType());
      }
      return part;
    }

    private JsonNode arguments(ToolCallPart toolCall) {
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

    private java.util.Optional<ObjectNode> functionResponse(ToolResultPart result) {
      ObjectNode response = Json.object();
      ToolOutput output = result.output();
      if (output instanceof ToolOutput.Text text) {
        response.put("result", text.text());
      } else if (output instanceof ToolOutput.Json json) {
        response.set("result", json.value().toJsonNode());
      } else if (output instanceof ToolOutput.Error error) {
        response.put("result", error.message());
      } else if (output instanceof ToolOutput.Media media) {
        warnings.add(
            CallWarning.other(
                "tool result "
                    + result.toolCallId()
                    + ": media of type "
                    + media.mediaType()
                    + " cannot be sent in a Gemini function response and was dropped"));
        if (media.text().isEmpty()) return java.util.Optional.empty();
        response.put("result", media.text());
      }
      ObjectNode part = Json.object();
      ObjectNode functionResponse = part.putObject("functionResponse");
      if (sendFunctionCallIds) functionResponse.put("id", result.toolCallId());
      functionResponse.put("name", result.toolName());
      functionResponse.set("response", response);
      return java.util.Optional.of(part);
    }

    private CallWarning unsupportedPart(Part part, String role) {
      return CallWarning.other(
          "a "
              + part.getClass().getSimpleName()
              + " cannot be sent in a "
              + role
              + " message to Gemini and was dropped");
    }

    // ---------------------------------------------------------------- settings

    private ObjectNode generationConfig() {
      ObjectNode config = Json.object();
      if (call.maxOutputTokens() != null) config.put("maxOutputTokens", call.maxOutputTokens());
      if (call.temperature() != null) config.put("temperature", call.temperature());
      if (call.topP() != null) config.put("topP", call.topP());
      if (call.topK() != null) config.put("topK", call.topK());
      if (call.presencePenalty() != null) config.put("presencePenalty", call.presencePenalty());
      if (call.frequencyPenalty() != null) config.put("frequencyPenalty", call.frequencyPenalty());
      if (call.seed() != null) config.put("seed", call.seed());
      if (!call.stopSequences().isEmpty()) {
        ArrayNode stop = config.putArray("stopSequences");
        call.stopSequences().forEach(stop::add);
      }
      thinkingConfig().ifPresent(thinking -> config.set("thinkingConfig", thinking));
      if (call.responseFormat() != null) {
        config.put("responseMimeType", "application/json");
        config.set("responseJsonSchema", Json.node(call.responseFormat().schema()));
      }
      return config;
    }

    private java.util.Optional<ObjectNode> thinkingConfig() {
      GeminiOptions.ThinkingConfig thinking = options.thinkingConfig();
      if (thinking == null) return java.util.Optional.empty();
      if (thinking.thinkingBudget() != null && thinking.thinkingLevel() != null) {
        throw new ReverieException(
            "google: thinking_level and thinking_budget are mutually exclusive; set one");
      }
      ObjectNode config = Json.object();
      if (thinking.includeThoughts() != null) {
        config.put("includeThoughts", thinking.includeThoughts());
      }
      Integer budget = thinking.thinkingBudget();
      if (budget != null) {
        if (budget < -1) {
          throw new ReverieException(
              "google: thinking_budget must be -1 (dynamic), 0 (off) or a token count, was "
                  + budget);
        }
        if (budget > 0 && budget < MIN_THINKING_BUDGET) {
          warnings.add(
              CallWarning.unsupportedSetting(
                  "thinking_budget",
                  "a thinking budget of "
                      + budget
                      + " is below Gemini's minimum and was raised to "
                      + MIN_THINKING_BUDGET));
          budget = MIN_THINKING_BUDGET;
        }
        config.put("thinkingBudget", budget);
      }
      if (thinking.thinkingLevel() != null) {
        String level = thinking.thinkingLevel().toUpperCase(Locale.ROOT);
        if (!THINKING_LEVELS.contains(level)) {
          throw new ReverieException(
              "google: thinking_level must be one of MINIMAL, LOW, MEDIUM, HIGH, was "
                  + thinking.thinkingLevel());
        }
        config.put("thinkingLevel", level);
      }
      return java.util.Optional.of(config);
    }

    // ---------------------------------------------------------------- tools

    private void encodeTools(ObjectNode body) {
      ArrayNode declarations = Json.MAPPER.createArrayNode();
      for (ToolSpec spec : call.tools()) {
        if (spec instanceof FunctionToolSpec function) {
          ObjectNode declaration = declarations.addObject();
          declaration.put("name", function.name());
          if (!function.description().isEmpty()) {
            declaration.put("description", function.description());
          }
          declaration.set("parameters", GeminiSchemas.toGemini(Json.node(function.inputSchema())));
        } else if (spec instanceof ProviderToolSpec provider) {
          warnings.add(
              CallWarning.unsupportedTool(
                  provider.name(),
                  "the provider tool " + provider.id() + " is not supported by Gemini yet"));
        }
      }
      ToolChoice choice = call.toolChoice();
      if (declarations.isEmpty()) {
        if (choice != null && !(choice instanceof ToolChoice.None)) {
          warnings.add(
              CallWarning.unsupportedSetting(
                  "tool_choice", "a tool choice without tools is ignored"));
        }
        return;
      }
      body.putArray("tools").addObject().set("functionDeclarations", declarations);
      ObjectNode config = body.putObject("toolConfig").putObject("functionCallingConfig");
      if (choice == null || choice instanceof ToolChoice.Auto) {
        config.put("mode", "AUTO");
      } else if (choice instanceof ToolChoice.None) {
        config.put("mode", "NONE");
      } else if (choice instanceof ToolChoice.Required) {
        config.put("mode", "ANY");
      } else if (choice instanceof ToolChoice.Specific specific) {
        config.put("mode", "ANY");
        config.putArray("allowedFunctionNames").add(specific.toolName());
      }
    }
  }

  /** The thought signature in a part's {@code google} data, or empty. */
  static String signature(ProviderData data) {
    return Json.node(data, PROVIDER)
        .map(node -> Json.text(node, GeminiFormat.SIGNATURE))
        .orElse("");
  }
}
