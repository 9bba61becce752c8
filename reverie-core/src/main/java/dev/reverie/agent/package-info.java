/**
 * Agents: a model that calls tools in a loop until it has an answer.
 *
 * <p>{@link dev.reverie.agent.Agent} runs the loop (call the model, run the tools it asked for,
 * append the results, call again) either to completion ({@code generate}) or as a stream of parts
 * with optional callbacks ({@code stream}). Both paths share one implementation, so tool-call
 * validation, repair, concurrency, stop conditions and the messages sent are identical.
 */
package dev.reverie.agent;
