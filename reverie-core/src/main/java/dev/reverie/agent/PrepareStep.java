package dev.reverie.agent;

/**
 * A hook run before every step that may change what the step sends: the model, the system prompt,
 * the messages, the tools and the tool choice, the provider options.
 *
 * <p>It receives the plan the agent would use and returns the plan to use, usually a copy made with
 * the plan's {@code with…} methods. Changes apply to that step only; the next step starts again
 * from the agent's settings and the conversation so far. It runs on the agent's calling thread; an
 * exception it throws ends the run.
 */
@FunctionalInterface
public interface PrepareStep {
  StepPlan prepare(StepPlan plan);
}
