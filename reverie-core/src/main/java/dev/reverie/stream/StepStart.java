package dev.reverie.stream;

/**
 * An agent step begins: the agent is about to call the model. Only in agent streams.
 *
 * @param stepIndex the step's position in the agent's result, from 0
 */
public record StepStart(int stepIndex) implements StreamPart {}
