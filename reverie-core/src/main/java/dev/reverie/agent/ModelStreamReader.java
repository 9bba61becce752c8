package dev.reverie.agent;

import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Reads one model stream on a helper thread and hands the parts over one at a time, so that the
 * agent's caller waits in an interruptible way.
 *
 * <p>Why: a thread blocked reading an HTTP body (the JDK client's included) does not react to an
 * interrupt, so an interrupted caller would stay stuck until the server sent more. Here the caller
 * waits on a monitor instead; an interrupt or a cancel closes the model stream, which aborts the
 * exchange and frees the reader. The reader reads at most one part ahead of the caller, so the
 * stream is still paced by the caller.
 *
 * <p>After the terminal part the reader keeps reading to the end of the stream (normally only the
 * end marker follows), dropping what it reads, and closes the stream only then, so a finished
 * exchange ends cleanly instead of being aborted. The caller waits for that with {@link
 * #awaitEnd()}; a stream that does not end soon after its finish part is aborted.
 *
 * <p>The thread comes from the agent's thread factory. It ends with the stream; {@link #cancel()}
 * closes the stream, interrupts the thread and waits for it to end. Only a stream whose {@code
 * close()} breaks its contract (does not abort a blocked read) could keep the thread alive past
 * that bounded wait; that is logged as a warning and reported by {@code cancel()}.
 */
final class ModelStreamReader {
  private static final Logger LOG = System.getLogger(ModelStreamReader.class.getName());

  /** How long a finished answer's remaining stream may take to end before it is aborted. */
  private static final long DRAIN_WAIT_SECONDS = 5;

  /** How long to wait for the thread once its stream is closed. */
  private static final long STOP_WAIT_SECONDS = 5;

  private final PartStream stream;
  private final Thread thread;
  private StreamPart slot; // guarded by this
  private boolean ended; // guarded by this
  private boolean cancelled; // guarded by this

  /** A reader of {@code stream} on a thread from {@code threads}; closes the stream on failure. */
  ModelStreamReader(PartStream stream, ThreadFactory threads) {
    this.stream = stream;
    Thread created;
    try {
      created = threads.newThread(this::read);
    } catch (RuntimeException e) {
      stream.close();
      throw new ReverieException("the agent's thread factory failed: " + e, e);
    }
    if (created == null) {
      stream.close();
      throw new ReverieException("the agent's thread factory returned no thread");
    }
    this.thread = created;
  }

  void start() {
    thread.start();
  }

  String threadName() {
    return thread.getName();
  }

  private void read() {
    boolean terminalHandedOver = false;
    try {
      Iterator<StreamPart> parts = stream.iterator();
      while (parts.hasNext()) {
        StreamPart part = parts.next();
        if (terminalHandedOver) {
          // Draining: nothing after the terminal part belongs to the answer.
          if (isCancelled()) return;
          continue;
        }
        if (!put(part)) return;
        terminalHandedOver = part instanceof Finish || part instanceof Error;
      }
    } catch (ReverieException e) {
      if (!terminalHandedOver) put(new Error(e));
    } catch (RuntimeException e) {
      if (!terminalHandedOver) {
        put(new Error(new ReverieException("reading the model stream failed: " + e, e)));
      }
    } finally {
      try {
        stream.close();
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "closing the model stream failed", e);
      }
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }
  }

  private synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Hands {@code part} over; false when cancelled. */
  private synchronized boolean put(StreamPart part) {
    while (slot != null && !cancelled) {
      try {
        wait();
      } catch (InterruptedException e) {
        cancelled = true;
      }
    }
    if (cancelled) return false;
    slot = part;
    notifyAll();
    return true;
  }

  /**
   * The next part, or null when the stream ended.
   *
   * @throws CancelledException when cancelled, or when the calling thread is interrupted (which
   *     cancels the read and keeps the interrupt flag set)
   */
  synchronized StreamPart take() {
    while (slot == null && !ended && !cancelled) {
      try {
        wait();
      } catch (InterruptedException e) {
        // The run's failure handling cancels this reader, which closes the stream.
        Thread.currentThread().interrupt();
        cancelled = true;
        notifyAll();
        throw new CancelledException("the calling thread was interrupted");
      }
    }
    if (slot != null) {
      StreamPart part = slot;
      slot = null;
      notifyAll();
      return part;
    }
    if (cancelled) throw new CancelledException("the model stream was cancelled");
    return null;
  }

  /**
   * After the terminal part was taken: waits for the reader to read the rest of the stream and end.
   * A stream that does not end within a short wait is aborted instead.
   *
   * @return whether the reader thread ended
   * @throws CancelledException when the calling thread is interrupted while waiting (the stream is
   *     then aborted and the interrupt flag kept)
   */
  boolean awaitEnd() {
    boolean interrupted = false;
    boolean drained;
    synchronized (this) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_WAIT_SECONDS);
      while (!ended && !cancelled) {
        long left = deadline - System.nanoTime();
        if (left <= 0) break;
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          interrupted = true;
          break;
        }
      }
      drained = ended;
    }
    boolean stopped;
    if (drained) {
      stopped = joinThread();
    } else {
      if (!interrupted) {
        LOG.log(
            Level.DEBUG,
            "the model stream did not end within {0} s of its finish part; aborting it",
            DRAIN_WAIT_SECONDS);
      }
      stopped = cancel();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new CancelledException("the calling thread was interrupted");
    }
    return stopped;
  }

  /**
   * Aborts the model exchange, releases both sides and waits boundedly for the reader to end.
   *
   * @return whether the reader thread ended (false only when the stream's close did not abort its
   *     read; then a warning was logged)
   */
  boolean cancel() {
    synchronized (this) {
      cancelled = true;
      notifyAll();
    }
    stream.close();
    if (Thread.currentThread() == thread) return true;
    // A stream whose read waits interruptibly (rather than on the socket) is freed by this.
    thread.interrupt();
    return joinThread();
  }

  /** Waits boundedly for the thread, even when the caller is interrupted (flag kept). */
  private boolean joinThread() {
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
    while (thread.isAlive()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) break;
      try {
        TimeUnit.NANOSECONDS.timedJoin(thread, left);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    if (!thread.isAlive()) return true;
    LOG.log(
        Level.WARNING,
        "the model stream reader thread {0} did not end within {1} s of its stream being closed;"
            + " it is left running",
        thread.getName(),
        STOP_WAIT_SECONDS);
    return false;
  }
}
