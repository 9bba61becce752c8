package dev.reverie.tool;

import java.util.Objects;

/** Whether and which tool the model must call. */
public sealed interface ToolChoice {

  /** The model decides. */
  record Auto() implements ToolChoice {}

  /** The model must not call tools. */
  record None() implements ToolChoice {}

  /** The model must call some tool. */
  record Required() implements ToolChoice {}

  /** The model must call the named tool. */
  record Specific(String toolName) implements ToolChoice {
    public Specific {
      Objects.requireNonNull(toolName, "toolName");
    }
  }

  static ToolChoice auto() {
    return new Auto();
  }

  static ToolChoice none() {
    return new None();
  }

  static ToolChoice required() {
    return new Required();
  }

  static ToolChoice tool(String name) {
    return new Specific(name);
  }
}
