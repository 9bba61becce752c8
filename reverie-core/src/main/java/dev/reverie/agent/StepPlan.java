package dev.reverie.agent;

import dev.reverie.LanguageModel;
import dev.reverie.ProviderData;
import dev.reverie.message.Message;
import dev.reverie.message.Role;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.Tool;
import dev.reverie.tool.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one agent step will send, as handed to and returned by {@link PrepareStep}.
 *
 * <p>The system prompt is kept apart from the conversation, as messages, so that replacing it can
 * never overwrite the first user message, and so that it can carry provider data (such as
 * Anthropic's cache control). A hook that treats the whole prompt as one list uses {@link
 * #prompt()} and {@link #withPrompt(List)}, e.g. {@code plan ->
 * plan.withPrompt(AnthropicCaching.markLastMessages(plan.prompt()))}.
 *
 * @param stepIndex the index of the step about to run, from 0
 * @param previousSteps the steps already run
 * @param model the model to call
 * @param system the system messages, sent first and in order; empty for none
 * @param messages the conversation without the system messages: the input, then every message the
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
    List<Message> system,
    List<Message> messages,
    List<Tool> tools,
    List<ProviderToolSpec> providerTools,
    ToolChoice toolChoice,
    ProviderData providerOptions) {

  public StepPlan {
    previousSteps = List.copyOf(previousSteps);
    Objects.requireNonNull(model, "model");
    system = system == null ? List.of() : List.copyOf(system);
    for (Message message : system) {
      if (message.role() != Role.SYSTEM) {
        throw new IllegalArgumentException(
            "the system messages of a step must have role SYSTEM, not " + message.role());
      }
    }
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    providerTools = List.copyOf(providerTools);
    providerOptions = providerOptions == null ? ProviderData.EMPTY : providerOptions;
  }

  /** Everything the step sends, in order: the system messages, then the conversation. */
  public List<Message> prompt() {
    var prompt = new ArrayList<Message>(system.size() + messages.size());
    prompt.addAll(system);
    prompt.addAll(messages);
    return List.copyOf(prompt);
  }

  /**
   * Replaces the whole prompt: its leading system messages become the {@link #system()} messages,
   * the rest the {@link #messages()}. The inverse of {@link #prompt()}.
   */
  public StepPlan withPrompt(List<Message> value) {
    int leading = 0;
    while (leading < value.size() && value.get(leading).role() == Role.SYSTEM) leading++;
    return new StepPlan(
        stepIndex,
        previousSteps,
        model,
        value.subList(0, leading),
        value.subList(leading, value.size()),
        tools,
        providerTools,
        toolChoice,
        providerOptions);
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

  /** Replaces the system messages with one holding {@code value}; empty or null for none. */
  public StepPlan withSystem(String value) {
    return withSystemMessages(
        value == null || value.isEmpty() ? List.of() : List.of(Message.system(value)));
  }

  /** Replaces the system messages, e.g. with ones carrying provider data; each has role SYSTEM. */
  public StepPlan withSystemMessages(List<Message> value) {
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
