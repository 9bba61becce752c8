package dev.reverie.agent;

import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A streaming agent run: every part of every step, the agent's tool results and the step
 * boundaries, pulled by the caller.
 *
 * <p>The parts, in order: per step a {@link dev.reverie.stream.StepStart}, the model's parts except
 * its {@link dev.reverie.stream.Finish} (warnings, text, reasoning, tool input, tool calls,
 * sources, provider-executed tool results), one {@link dev.reverie.stream.ToolResult} per tool call
 * the agent ran, in call order, and a {@link dev.reverie.stream.StepFinish} with the step's usage
 * and finish reason; at the end one {@link dev.reverie.stream.Finish} with the total usage, or an
 * {@link dev.reverie.stream.Error}. Tool calls are reported after validation and repair, so each
 * one is the call that ran (or was answered with an error result).
 *
 * <p>Single-use and pull-based: the run advances only as the iterator is advanced. The model's
 * stream is read at most one part ahead by a helper thread (so that an interrupt of the iterating
 * thread is noticed even while an HTTP read blocks), and tools run on the agent's tool threads;
 * everything else happens on the iterating thread. {@link #close()} may be called from any thread:
 * it aborts the model's HTTP exchange, interrupts running tools and waits briefly for the helper
 * threads to end; an iteration in progress then ends with an error part carrying a {@link
 * dev.reverie.error.CancelledException}. Interrupting the iterating thread does the same. Use
 * try-with-resources.
 */
public final class AgentStream implements PartStream {
  private final AgentRun run;
  private boolean iterated;

  AgentStream(AgentRun run) {
    this.run = run;
  }

  @Override
  public synchronized Iterator<StreamPart> iterator() {
    if (iterated) throw new IllegalStateException("a stream can be iterated only once");
    iterated = true;
    return new Iterator<>() {
      private StreamPart next;

      @Override
      public boolean hasNext() {
        if (next == null) next = run.next();
        return next != null;
      }

      @Override
      public StreamPart next() {
        if (!hasNext()) throw new NoSuchElementException();
        StreamPart part = next;
        next = null;
        return part;
      }
    };
  }

  /**
   * The result, running whatever iteration left to the end.
   *
   * @throws dev.reverie.error.ReverieException the run's failure, if it failed or was closed
   */
  public AgentResult result() {
    while (run.next() != null) {
      // drain: the loop only advances as parts are pulled
    }
    return run.result();
  }

  /** The steps finished so far. */
  public List<Step> steps() {
    return run.steps();
  }

  @Override
  public void close() {
    run.cancel();
  }
}
