package dev.reverie.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.reverie.ProviderData;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import dev.reverie.message.ToolOutput;
import dev.reverie.schema.Description;
import dev.reverie.schema.InvalidSchemaException;
import dev.reverie.schema.SchemaGenerator;
import dev.reverie.schema.SchemaValidator;
import dev.reverie.schema.SchemaViolation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool an agent can execute: what the model sees ({@link #spec()}) and the code that runs when
 * the model calls it.
 *
 * <p>Most tools are functions with a JSON-schema input ({@link #of(String, String, JsonObject,
 * ToolFunction)}), or typed from a record whose schema is generated and to which the arguments are
 * bound ({@link #typed}). A provider-defined tool that the caller executes, such as Anthropic's
 * computer use, pairs a {@link ProviderToolSpec} with a function ({@link #of(ToolSpec,
 * ToolFunction)}); tools the provider executes itself (web search) need no {@code Tool} and are
 * given to the agent as plain {@link ProviderToolSpec}s.
 *
 * <p>Tools of one agent step run concurrently unless marked {@link #sequential()}. Instances are
 * immutable.
 */
public final class Tool {
  private static final ObjectMapper ARGUMENT_MAPPER =
      Json.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private final ToolSpec spec;
  private final ToolFunction function;
  private final boolean sequential;
  private final SchemaValidator validator;

  private Tool(ToolSpec spec, ToolFunction function, boolean sequential) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.function = Objects.requireNonNull(function, "function");
    this.sequential = sequential;
    this.validator =
        spec instanceof FunctionToolSpec f ? SchemaValidator.of(Json.node(f.inputSchema())) : null;
  }

  /**
   * A function tool with a hand-written input schema (a JSON schema of type object).
   *
   * @throws InvalidSchemaException when the schema cannot be used to validate arguments
   */
  public static Tool of(
      String name, String description, JsonObject inputSchema, ToolFunction function) {
    return new Tool(FunctionToolSpec.of(name, description, inputSchema), function, false);
  }

  /**
   * A tool from any spec, including a provider-defined tool that the caller executes (whose
   * arguments are only checked to be a JSON object).
   *
   * @throws InvalidSchemaException when a function spec's schema cannot be used for validation
   */
  public static Tool of(ToolSpec spec, ToolFunction function) {
    return new Tool(spec, function, false);
  }

  /**
   * A tool whose input is a Java type, usually a record: the schema is generated from it ({@link
   * Description} annotations become descriptions, property names are snake_case) and the model's
   * arguments are bound to it before {@code function} runs.
   *
   * @param description what the tool does; when null or blank, the {@link Description} of {@code
   *     inputType}, if any
   */
  public static <T> Tool typed(
      String name, String description, Class<T> inputType, TypedToolFunction<? super T> function) {
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(function, "function");
    String text = description;
    if (text == null || text.isBlank()) {
      Description annotation = inputType.getAnnotation(Description.class);
      text = annotation == null ? "" : annotation.value();
    }
    JsonObject schema = Json.value(SchemaGenerator.schemaFor(inputType));
    ToolFunction bound = invocation -> toOutput(function.execute(bind(invocation, inputType)));
    return new Tool(FunctionToolSpec.of(name, text, schema), bound, false);
  }

  private static <T> T bind(ToolInvocation invocation, Class<T> inputType) {
    try {
      return ARGUMENT_MAPPER.treeToValue(invocation.arguments().toJsonNode(), inputType);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "invalid arguments for tool " + invocation.toolName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static ToolOutput toOutput(Object value) {
    if (value == null) return ToolOutput.text("");
    if (value instanceof ToolOutput output) return output;
    if (value instanceof CharSequence text) return ToolOutput.text(text.toString());
    JsonNode json = ARGUMENT_MAPPER.valueToTree(value);
    return ToolOutput.json(JsonValue.fromJsonNode(json));
  }

  /** A copy that never runs at the same time as another tool call of the same step. */
  public Tool sequential() {
    return new Tool(spec, function, true);
  }

  /** A copy with provider options on the tool definition, e.g. Anthropic cache control. */
  public Tool withProviderData(ProviderData providerData) {
    if (!(spec instanceof FunctionToolSpec f)) {
      throw new IllegalStateException("provider data applies to function tools only");
    }
    return new Tool(
        new FunctionToolSpec(f.name(), f.description(), f.inputSchema(), providerData),
        function,
        sequential);
  }

  /** The name the model calls the tool by. */
  public String name() {
    return spec.name();
  }

  /** What is sent to the model. */
  public ToolSpec spec() {
    return spec;
  }

  /** The input schema, for function tools; provider-defined tools have none of their own. */
  public Optional<JsonObject> inputSchema() {
    return spec instanceof FunctionToolSpec f ? Optional.of(f.inputSchema()) : Optional.empty();
  }

  /**
   * How {@code arguments} break the input schema; empty when they match or the tool has no schema
   * of its own.
   */
  public List<SchemaViolation> validate(JsonValue arguments) {
    return validator == null ? List.of() : validator.validate(arguments.toJsonNode());
  }

  /** Whether calls of this tool run alone rather than concurrently with the step's other calls. */
  public boolean isSequential() {
    return sequential;
  }

  /** Runs the tool's function. */
  public ToolOutput execute(ToolInvocation invocation) throws Exception {
    ToolOutput output = function.execute(invocation);
    return output == null ? ToolOutput.text("") : output;
  }

  @Override
  public String toString() {
    return "Tool[" + spec.name() + (sequential ? ", sequential" : "") + "]";
  }
}
