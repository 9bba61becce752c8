package dev.reverie.tool;

import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.message.ToolOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tool calls of one agent step: concurrently up to a bound, sequential tools alone, and
 * the outputs handed back in the order of the calls.
 *
 * <p>Calls are split into groups in call order: a maximal run of ordinary calls forms one group
 * whose calls run concurrently (at most {@code maxConcurrency} at once), and each call of a
 * {@linkplain Tool#isSequential() sequential} tool forms a group of its own. A group starts only
 * after every call before it has finished. A tool that throws yields an {@link ToolOutput.Error};
 * it never fails the execution.
 *
 * <p>The executor owns a thread pool of daemon threads; {@link #close()} interrupts running tools
 * and waits briefly for the threads to end, so that nothing is left running. One executor serves
 * one agent run at a time.
 */
public final class ToolExecutor implements AutoCloseable {
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();
  private static final long TERMINATION_WAIT_SECONDS = 5;

  private final ThreadPoolExecutor pool;

  private ToolExecutor(int maxConcurrency, ThreadFactory threadFactory) {
    if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be at least 1");
    pool =
        new ThreadPoolExecutor(
            maxConcurrency,
            maxConcurrency,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            Objects.requireNonNull(threadFactory, "threadFactory"));
    pool.allowCoreThreadTimeOut(true);
  }

  /** An executor running at most {@code maxConcurrency} calls at once on daemon threads. */
  public static ToolExecutor create(int maxConcurrency) {
    return new ToolExecutor(maxConcurrency, daemonThreads());
  }

  /** An executor whose threads come from {@code threadFactory}. */
  public static ToolExecutor create(int maxConcurrency, ThreadFactory threadFactory) {
    return new ToolExecutor(maxConcurrency, threadFactory);
  }

  /** A factory of daemon threads named {@code reverie-tool-<pool>-<n>}. */
  public static ThreadFactory daemonThreads() {
    int pool = POOL_NUMBER.incrementAndGet();
    var count = new AtomicInteger();
    return runnable -> {
      var thread = new Thread(runnable, "reverie-tool-" + pool + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Starts {@code tasks}; collect the outputs in order with {@link Execution#awaitNext()}. */
  public Execution start(List<Task> tasks) {
    return new Execution(List.copyOf(tasks));
  }

  /** Interrupts running tools, drops queued ones and waits briefly for the threads to end. */
  @Override
  public void close() {
    // Tasks that never started would leave their waiters blocked forever: cancel them.
    for (Runnable neverStarted : pool.shutdownNow()) {
      if (neverStarted instanceof Future<?> future) future.cancel(false);
    }
    // Wait even when the caller is interrupted (that is often why we are here), but boundedly.
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TERMINATION_WAIT_SECONDS);
    while (!pool.isTerminated()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) break;
      try {
        pool.awaitTermination(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** Whether every thread of the pool has ended after {@link #close()}. */
  public boolean isTerminated() {
    return pool.isTerminated();
  }

  /**
   * One call to run.
   *
   * @param tool the tool called
   * @param invocation the call with its validated arguments
   */
  public record Task(Tool tool, ToolInvocation invocation) {
    public Task {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(invocation, "invocation");
    }
  }

  /**
   * The running calls of one step. Not thread-safe except {@link #cancel()}, which may be called
   * from any thread.
   */
  public final class Execution implements AutoCloseable {
    private final List<Task> tasks;
    private final List<Future<ToolOutput>> futures = new ArrayList<>();
    private int next;
    private volatile boolean cancelled;

    private Execution(List<Task> tasks) {
      this.tasks = tasks;
    }

    /** Whether outputs remain to be collected. */
    public boolean hasNext() {
      return next < tasks.size();
    }

    /**
     * Waits for the output of the next call in call order, starting its group if needed.
     *
     * @throws CancelledException when the execution was cancelled or the waiting thread was
     *     interrupted (the running tools are then interrupted too)
     */
    public ToolOutput awaitNext() {
      if (!hasNext()) throw new IllegalStateException("no more tool calls");
      if (next == submittedCount()) submitGroupAt(next);
      Future<ToolOutput> future;
      synchronized (futures) {
        future = futures.get(next);
      }
      try {
        ToolOutput output = future.get();
        next++;
        return output;
      } catch (InterruptedException e) {
        cancel();
        Thread.currentThread().interrupt();
        throw new CancelledException("interrupted while tools were running", e);
      } catch (CancellationException e) {
        throw new CancelledException("tool execution was cancelled", e);
      } catch (ExecutionException e) {
        cancel();
        Throwable cause = e.getCause();
        if (cause instanceof InterruptedException || pool.isShutdown()) {
          throw new CancelledException("tool execution was cancelled", cause);
        }
        throw new ReverieException(
            "tool " + tasks.get(next).tool().name() + " failed fatally: " + cause, cause);
      }
    }

    private void submitGroupAt(int start) {
      int end = start + 1;
      if (!tasks.get(start).tool().isSequential()) {
        while (end < tasks.size() && !tasks.get(end).tool().isSequential()) end++;
      }
      synchronized (futures) {
        if (cancelled) throw new CancelledException("tool execution was cancelled");
        for (int i = start; i < end; i++) {
          Task task = tasks.get(i);
          try {
            futures.add(pool.submit(() -> run(task)));
          } catch (RejectedExecutionException e) {
            throw new CancelledException("the tool executor is closed", e);
          }
        }
      }
    }

    private int submittedCount() {
      synchronized (futures) {
        return futures.size();
      }
    }

    /** Interrupts the running calls and drops those not started. Idempotent. */
    public void cancel() {
      List<Future<ToolOutput>> snapshot;
      synchronized (futures) {
        cancelled = true;
        snapshot = List.copyOf(futures);
      }
      for (Future<ToolOutput> future : snapshot) future.cancel(true);
    }

    @Override
    public void close() {
      cancel();
    }
  }

  private static ToolOutput run(Task task) throws InterruptedException {
    try {
      return task.tool().execute(task.invocation());
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      if (Thread.currentThread().isInterrupted()) throw new InterruptedException("cancelled");
      return ToolOutput.error(failureMessage(task.tool().name(), e));
    }
  }

  /** What the model is told when a tool throws. */
  static String failureMessage(String toolName, Throwable error) {
    String message = error.getMessage();
    String detail =
        message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    return "tool " + toolName + " failed: " + detail;
  }
}
