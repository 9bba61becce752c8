package dev.reverie.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.ProviderData;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonValue;
import dev.reverie.message.ToolOutput;
import dev.reverie.schema.Description;
import dev.reverie.schema.InvalidSchemaException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ToolTest {

  @Description("Looks up the weather")
  record WeatherQuery(@Description("the city") String location, int daysAhead) {}

  record Forecast(String summary, int highCelsius) {}

  private static ToolInvocation invocation(String json) {
    return new ToolInvocation(
        "call_1", "weather", json, JsonValue.fromJsonNode(Json.parse(json, "test")));
  }

  @Test
  void aTypedToolGeneratesItsSchemaAndBindsArgumentsToTheRecord() throws Exception {
    var received = new AtomicReference<WeatherQuery>();
    Tool tool =
        Tool.typed(
            "weather",
            null,
            WeatherQuery.class,
            query -> {
              received.set(query);
              return "sunny";
            });

    var spec = (FunctionToolSpec) tool.spec();
    assertThat(spec.description()).isEqualTo("Looks up the weather");
    ObjectNode schema = Json.node(spec.inputSchema());
    assertThat(schema.path("type").asText()).isEqualTo("object");
    assertThat(schema.path("properties").path("location").path("description").asText())
        .isEqualTo("the city");
    assertThat(schema.path("properties").has("days_ahead")).isTrue();

    ToolOutput output = tool.execute(invocation("{\"location\":\"Rome\",\"days_ahead\":2}"));

    assertThat(received.get()).isEqualTo(new WeatherQuery("Rome", 2));
    assertThat(output).isEqualTo(ToolOutput.text("sunny"));
  }

  @Test
  void typedResultsBecomeTextJsonOrStayOutputs() throws Exception {
    Tool json = Tool.typed("f", "forecast", WeatherQuery.class, q -> new Forecast("hot", 40));
    JsonNode value =
        ((ToolOutput.Json) json.execute(invocation("{\"location\":\"x\",\"days_ahead\":1}")))
            .value()
            .toJsonNode();
    assertThat(value).isEqualTo(Json.parse("{\"summary\":\"hot\",\"high_celsius\":40}", "test"));

    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    Tool media =
        Tool.typed(
            "shot", "screenshot", WeatherQuery.class, q -> ToolOutput.media(png, "image/png"));
    assertThat(media.execute(invocation("{\"location\":\"x\",\"days_ahead\":1}")))
        .isEqualTo(ToolOutput.media(png, "image/png"));

    Tool nothing = Tool.typed("n", "nothing", WeatherQuery.class, q -> null);
    assertThat(nothing.execute(invocation("{\"location\":\"x\",\"days_ahead\":1}")))
        .isEqualTo(ToolOutput.text(""));
  }

  @Test
  void argumentsThatDoNotBindAreReportedAsAnArgumentError() {
    Tool tool = Tool.typed("weather", "w", WeatherQuery.class, q -> "x");
    assertThatThrownBy(
            () -> tool.execute(invocation("{\"location\":\"x\",\"days_ahead\":\"soon\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid arguments for tool weather");
  }

  @Test
  void argumentsAreValidatedAgainstTheSchema() {
    Tool tool = Tool.typed("weather", "w", WeatherQuery.class, q -> "x");
    assertThat(
            tool.validate(
                JsonValue.fromJsonNode(Json.parse("{\"location\":\"x\",\"days_ahead\":1}", "t"))))
        .isEmpty();
    assertThat(tool.validate(JsonValue.fromJsonNode(Json.parse("{\"days_ahead\":\"x\"}", "t"))))
        .isNotEmpty();
  }

  @Test
  void anUnusableSchemaIsRejectedWhenTheToolIsMade() {
    ObjectNode schema = Json.object().put("type", "object").put("$ref", "#/$defs/missing");
    assertThatThrownBy(() -> Tool.of("bad", "", Json.value(schema), i -> ToolOutput.text("")))
        .isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  void providerDefinedToolsRunLocallyWithoutASchema() throws Exception {
    var computer =
        new ProviderToolSpec(
            "anthropic.computer_20250124",
            "computer",
            Json.value(Json.object().put("display_width_px", 1920).put("display_height_px", 1080)));
    Tool tool = Tool.of(computer, i -> ToolOutput.media(new byte[] {1}, "image/png"));

    assertThat(tool.inputSchema()).isEmpty();
    assertThat(
            tool.validate(JsonValue.fromJsonNode(Json.parse("{\"action\":\"screenshot\"}", "t"))))
        .isEmpty();
    assertThat(tool.spec()).isEqualTo(computer);
    assertThatThrownBy(() -> tool.withProviderData(ProviderData.EMPTY))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sequentialAndProviderDataMakeCopies() {
    Tool tool =
        Tool.of(
            "t", "d", Json.value(Json.object().put("type", "object")), i -> ToolOutput.text("ok"));
    ProviderData cache = ProviderData.of("anthropic", Json.object().put("type", "ephemeral"));

    Tool changed = tool.sequential().withProviderData(cache);

    assertThat(tool.isSequential()).isFalse();
    assertThat(changed.isSequential()).isTrue();
    assertThat(((FunctionToolSpec) changed.spec()).providerData()).isEqualTo(cache);
    assertThat(List.of(changed.name(), changed.toString()))
        .containsExactly("t", "Tool[t, sequential]");
  }

  @Test
  void thePublicToolPackageHoldsNoExecutorMachinery() {
    // Running a step's calls is the agent's business (dev.reverie.internal.tool), not API.
    assertThatThrownBy(() -> Class.forName("dev.reverie.tool.ToolExecutor"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
