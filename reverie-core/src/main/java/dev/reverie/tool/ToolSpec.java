package dev.reverie.tool;

/**
 * A tool as the model sees it: what is sent to the provider in a call. Executable tools for agents
 * are built on top of these.
 */
public sealed interface ToolSpec permits FunctionToolSpec, ProviderToolSpec {
  /** The name the model calls the tool by. */
  String name();
}
