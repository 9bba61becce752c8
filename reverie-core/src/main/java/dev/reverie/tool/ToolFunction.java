package dev.reverie.tool;

import dev.reverie.message.ToolOutput;

/**
 * The code behind a tool: turns one invocation into an output.
 *
 * <p>Called on a tool thread of the agent, possibly concurrently with other calls of the same tool
 * unless the tool is {@linkplain Tool#sequential() sequential}. A thrown exception becomes an error
 * output that the model sees, and the agent carries on. When the agent run is cancelled the thread
 * is interrupted: blocking work should let {@link InterruptedException} propagate.
 */
@FunctionalInterface
public interface ToolFunction {
  ToolOutput execute(ToolInvocation invocation) throws Exception;
}
