package dev.reverie.agent;

import dev.reverie.LanguageModel;
import dev.reverie.ProviderData;
import dev.reverie.message.Message;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.Tool;
import dev.reverie.tool.ToolChoice;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one agent step will send, as handed to and returned by {@link PrepareStep}.
 *
 * @param stepIndex the index of the step about to run, from 0
 * @param previousSteps the steps already run
 * @param model the model to call
 * @param system the system prompt, or empty for none; sent as a first system message
 * @param messages the conversation without the system prompt: the input, then every message the
 *     previous steps added
 * @param tools the tools offered and executable in this step
 * @param providerTools the provider-executed tools offered in this step
 * @param toolChoice the tool choice, or null for {@code auto} (sent whenever tools are offered)
 * @param providerOptions the call's provider options
 */
public record StepPlan(
    int stepIndex,
    List<Step> previousSteps,
    LanguageModel model,
    String system,
    List<Message> messages,
    List<Tool> tools,
    List<ProviderToolSpec> providerTools,
    ToolChoice toolChoice,
    ProviderData providerOptions) {

  public StepPlan {
    previousSteps = List.copyOf(previousSteps);
    Objects.requireNonNull(model, "model");
    system = system == null ? "" : system;
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    providerTools = List.copyOf(providerTools);
    providerOptions = providerOptions == null ? ProviderData.EMPTY : providerOptions;
  }

  public StepPlan withModel(LanguageModel value) {
    return new StepPlan(
        stepIndex,
        previousSteps,
        value,
        system,
        messages,
        tools,
        providerTools,
        toolChoice,
        providerOptions);
  }

  public StepPlan withSystem(String value) {
    return new StepPlan(
        stepIndex,
        previousSteps,
        model,
        value,
        messages,
        tools,
        providerTools,
        toolChoice,
        providerOptions);
  }

  public StepPlan withMessages(List<Message> value) {
    return new StepPlan(
        stepIndex,
        previousSteps,
        model,
        system,
        value,
        tools,
        providerTools,
        toolChoice,
        providerOptions);
  }

  public StepPlan withTools(List<Tool> value) {
    return new StepPlan(
        stepIndex,
        previousSteps,
        model,
        system,
        messages,
        value,
        providerTools,
        toolChoice,
        providerOptions);
  }

  public StepPlan withProviderTools(List<ProviderToolSpec> value) {
    return new StepPlan(
        stepIndex,
        previousSteps,
        model,
        system,
        messages,
        tools,
        value,
        toolChoice,
        providerOptions);
  }

  /** Keeps only the tools and provider tools named. */
  public StepPlan withActiveTools(String... names) {
    Set<String> active = Set.of(names);
    return new StepPlan(
        stepIndex,
        previousSteps,
        model,
        system,
        messages,
        tools.stream().filter(t -> active.contains(t.name())).toList(),
        providerTools.stream().filter(t -> active.contains(t.name())).toList(),
        toolChoice,
        providerOptions);
  }

  /** Offers no tools in this step. */
  public StepPlan withoutTools() {
    return new StepPlan(
        stepIndex,
        previousSteps,
        model,
        system,
        messages,
        List.of(),
        List.of(),
        null,
        providerOptions);
  }

  public StepPlan withToolChoice(ToolChoice value) {
    return new StepPlan(
        stepIndex,
        previousSteps,
        model,
        system,
        messages,
        tools,
        providerTools,
        value,
        providerOptions);
  }

  public StepPlan withProviderOptions(ProviderData value) {
    return new StepPlan(
        stepIndex, previousSteps, model, system, messages, tools, providerTools, toolChoice, value);
  }
}
