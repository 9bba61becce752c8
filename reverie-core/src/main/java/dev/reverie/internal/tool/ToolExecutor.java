package dev.reverie.internal.tool;

import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.message.ToolOutput;
import dev.reverie.tool.Tool;
import dev.reverie.tool.ToolInvocation;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
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
 * <p>The executor owns a thread pool; {@link #shutDown()} interrupts running tools and waits a
 * bounded time for the threads to end. A tool that ignores the interrupt cannot be stopped by
 * force: it is logged as a warning and reported by {@code shutDown()} so the caller can say so. One
 * executor serves one agent run at a time.
 */
public final class ToolExecutor implements AutoCloseable {
  /** How long {@link #shutDown()} waits for interrupted tools unless told otherwise. */
  public static final Duration DEFAULT_STOP_WAIT = Duration.ofSeconds(5);

  private static final Logger LOG = System.getLogger(ToolExecutor.class.getName());
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final ThreadPoolExecutor pool;
  private final Duration stopWait;
  private final List<Task> running = new ArrayList<>(); // guarded by itself

  private ToolExecutor(int maxConcurrency, ThreadFactory threadFactory, Duration stopWait) {
    if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be at least 1");
    Objects.requireNonNull(stopWait, "stopWait");
    if (stopWait.isNegative()) throw new IllegalArgumentException("stopWait must not be negative");
    this.stopWait = stopWait;
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
    return new ToolExecutor(maxConcurrency, daemonThreads(), DEFAULT_STOP_WAIT);
  }

  /**
   * An executor whose threads come from {@code threadFactory} and whose {@link #shutDown()} waits
   * at most {@code stopWait} for interrupted tools to end.
   */
  public static ToolExecutor create(
      int maxConcurrency, ThreadFactory threadFactory, Duration stopWait) {
    return new ToolExecutor(maxConcurrency, threadFactory, stopWait);
  }

  private static ThreadFactory daemonThreads() {
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

  /**
   * Interrupts running tools, drops queued ones and waits at most the stop wait for the threads to
   * end, even when the calling thread is interrupted (its interrupt flag is kept).
   *
   * @return the calls still running when the wait ended: tools that ignored the interrupt, whose
   *     threads are left running (each is also logged as a warning); empty when everything ended
   */
  public List<Task> shutDown() {
    // Tasks that never started would leave their waiters blocked forever: cancel them.
    for (Runnable neverStarted : pool.shutdownNow()) {
      if (neverStarted instanceof Future<?> future) future.cancel(false);
    }
    boolean interrupted = false;
    long deadline = System.nanoTime() + stopWait.toNanos();
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
    if (pool.isTerminated()) return List.of();
    List<Task> stuck;
    synchronized (running) {
      stuck = List.copyOf(running);
    }
    for (Task task : stuck) {
      LOG.log(
          Level.WARNING,
          "tool {0} (call {1}) did not stop within {2} ms of being interrupted;"
              + " its thread is left running",
          task.tool().name(),
          task.invocation().toolCallId(),
          stopWait.toMillis());
    }
    return stuck;
  }

  /** Same as {@link #shutDown()}, for try-with-resources. */
  @Override
  public void close() {
    shutDown();
  }

  /** Whether every thread of the pool has ended after {@link #shutDown()}. */
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

    /** "tool NAME (call ID)", for messages. */
    public String describe() {
      return "tool " + tool.name() + " (call " + invocation.toolCallId() + ")";
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
        throw new ReverieException(tasks.get(next).describe() + " failed fatally: " + cause, cause);
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

  private ToolOutput run(Task task) throws InterruptedException {
    synchronized (running) {
      running.add(task);
    }
    try {
      return task.tool().execute(task.invocation());
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      if (Thread.currentThread().isInterrupted()) throw new InterruptedException("cancelled");
      return ToolOutput.error(failureMessage(task.tool().name(), e));
    } finally {
      synchronized (running) {
        running.remove(task);
      }
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
