package dev.reverie;

import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonObject;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.Role;
import dev.reverie.message.TextPart;
import dev.reverie.spi.ModelCapabilities;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ToolChoice;
import java.util.ArrayList;
import java.util.List;

/** Turns an object request into a plain call, by strategy. Written once for every provider. */
final class ObjectCalls {
  static final String DEFAULT_TOOL_DESCRIPTION = "Generate a structured object matching the schema";

  private ObjectCalls() {}

  /**
   * The call's strategy if it names one the model supports, else the model's preferred one.
   *
   * @throws IllegalArgumentException when the call names a strategy the model does not support
   */
  static ObjectStrategy strategyFor(ObjectCall<?> request, ModelCapabilities capabilities) {
    if (request.strategy() == null) return capabilities.preferredObjectStrategy();
    if (!capabilities.objectStrategies().contains(request.strategy())) {
      throw new IllegalArgumentException(
          "this model does not support the object strategy "
              + request.strategy()
              + "; it supports "
              + capabilities.objectStrategies());
    }
    return request.strategy();
  }

  static Call prepare(ObjectCall<?> request, ObjectStrategy strategy) {
    ObjectSchema<?> schema = request.schema();
    Call call = request.call();
    return switch (strategy) {
      case RESPONSE_FORMAT ->
          call.toBuilder()
              .responseFormat(
                  new ResponseFormat(schema.schema(), schema.name(), schema.description()))
              .tools(List.of())
              .toolChoice(null)
              .build();
      case FORCED_TOOL ->
          call.toBuilder()
              .responseFormat(null)
              .tools(
                  List.of(
                      FunctionToolSpec.of(
                          schema.name(),
                          schema.description().isEmpty()
                              ? DEFAULT_TOOL_DESCRIPTION
                              : schema.description(),
                          schema.schema())))
              .toolChoice(ToolChoice.tool(schema.name()))
              .build();
      case SCHEMA_IN_PROMPT ->
          call.toBuilder()
              .responseFormat(null)
              .tools(List.of())
              .toolChoice(null)
              .prompt(withSchemaInstruction(call.prompt(), schema.schema()))
              .build();
    };
  }

  /** Appends the JSON instruction to the first system message, or adds one in front. */
  private static Prompt withSchemaInstruction(Prompt prompt, JsonObject schema) {
    String instruction =
        "You must respond with valid JSON that matches this schema: "
            + Json.write(Json.node(schema))
            + "\nRespond ONLY with the JSON object, no additional text or explanation.";
    var messages = new ArrayList<Message>(prompt.messages());
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (m.role() != Role.SYSTEM) continue;
      var parts = new ArrayList<Part>(m.parts());
      for (int j = 0; j < parts.size(); j++) {
        if (parts.get(j) instanceof TextPart t) {
          parts.set(j, new TextPart(t.text() + "\n\n" + instruction, t.providerData()));
          messages.set(i, m.withParts(parts));
          return Prompt.of(messages);
        }
      }
    }
    messages.add(0, Message.system(instruction));
    return Prompt.of(messages);
  }
}
