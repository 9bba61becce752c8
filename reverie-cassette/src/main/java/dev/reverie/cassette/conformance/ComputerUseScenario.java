package dev.reverie.cassette.conformance;

import static dev.reverie.cassette.conformance.Expect.expect;
import static dev.reverie.cassette.conformance.Expect.expectContainsAll;
import static dev.reverie.cassette.conformance.Expect.expectNotBlank;

import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.Prompt;
import dev.reverie.Response;
import dev.reverie.message.Message;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.ToolCall;
import dev.reverie.tool.ProviderToolSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code computer_use} (REFERENCE.md §3.2, other scenarios): two direct model calls, no agent. The
 * model asks for a screenshot; a 1×1 PNG goes back as the tool result; the model describes the
 * desktop.
 */
final class ComputerUseScenario {
  private static final String SCREENSHOT_PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";

  private ComputerUseScenario() {}

  static void run(ScenarioContext context, boolean streaming) {
    ProviderToolSpec computer =
        context
            .factory()
            .computerUseTool(context.endpoint().modelId())
            .orElseThrow(
                () ->
                    new ScenarioFailure(
                        "the provider offers no computer-use tool for model "
                            + context.endpoint().modelId()));
    Prompt first = Prompt.of(AgentScenarios.SYSTEM, "Take a screenshot of the desktop");

    Answer screenshotRequest = ask(context, streaming, first, computer);
    expect(
        screenshotRequest.finishReason() == FinishReason.TOOL_CALLS,
        "expected finish reason tool-calls, got " + screenshotRequest.finishReason());
    expect(
        screenshotRequest.toolCalls().size() == 1,
        "expected 1 tool call, got " + screenshotRequest.toolCalls().size());
    ToolCallPart call = screenshotRequest.toolCalls().get(0);
    expect(
        call.toolName().equals("computer"), "expected a call of computer, got " + call.toolName());
    expect(
        call.input().contains("screenshot"), "expected a screenshot action, got " + call.input());

    Prompt second =
        first.plus(
            Message.assistant(
                List.of(ToolCallPart.of(call.toolCallId(), call.toolName(), call.input()))),
            Message.tool(
                List.of(
                    ToolResultPart.of(
                        call.toolCallId(),
                        call.toolName(),
                        ToolOutput.media(
                            Base64.getDecoder().decode(SCREENSHOT_PNG), "image/png")))));
    Answer description = ask(context, streaming, second, computer);
    expectNotBlank("the description", description.text());
    expectContainsAll("the description", description.text(), "desktop");
  }

  private static Answer ask(
      ScenarioContext context, boolean streaming, Prompt prompt, ProviderToolSpec computer) {
    Call call =
        Call.builder(prompt)
            .tools(List.of(computer))
            .providerOptions(context.suiteOptions())
            .build();
    if (!streaming) {
      Response response = context.model().generate(call);
      return new Answer(response.text(), response.toolCalls(), response.finishReason());
    }
    var text = new StringBuilder();
    var toolCalls = new ArrayList<ToolCallPart>();
    FinishReason finishReason = FinishReason.UNKNOWN;
    try (PartStream parts = context.model().stream(call)) {
      for (StreamPart part : parts) {
        if (part instanceof TextDelta delta) text.append(delta.delta());
        else if (part instanceof ToolCall toolCall) toolCalls.add(toolCall.call());
        else if (part instanceof Finish finish) finishReason = finish.finishReason();
        else if (part instanceof Error error) throw error.error();
      }
    }
    return new Answer(text.toString(), toolCalls, finishReason);
  }

  /** What one call answered, whether generated or streamed. */
  private record Answer(String text, List<ToolCallPart> toolCalls, FinishReason finishReason) {}
}
