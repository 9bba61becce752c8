package dev.reverie.agent;

import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.stream.Error;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one model stream on a helper thread and hands the parts over one at a time, so that the
 * agent's caller waits in an interruptible way.
 *
 * <p>Why: a thread blocked reading an HTTP body (the JDK client's included) does not react to an
 * interrupt, so an interrupted caller would stay stuck until the server sent more. Here the caller
 * waits on a monitor instead; an interrupt or a cancel closes the model stream, which aborts the
 * exchange and frees the reader. The reader reads at most one part ahead of the caller, so the
 * stream is still paced by the caller. The helper thread ends with the stream, on cancel, or at the
 * latest when the aborted read returns.
 */
final class ModelStreamReader {
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
  private static final long JOIN_WAIT_SECONDS = 5;

  private final PartStream stream;
  private final Thread thread;
  private StreamPart slot; // guarded by this
  private boolean ended; // guarded by this
  private boolean cancelled; // guarded by this

  ModelStreamReader(PartStream stream) {
    this.stream = stream;
    this.thread = new Thread(this::read, "reverie-agent-stream-" + THREAD_NUMBER.incrementAndGet());
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void read() {
    try {
      Iterator<StreamPart> parts = stream.iterator();
      while (parts.hasNext()) {
        if (!put(parts.next())) return;
      }
    } catch (ReverieException e) {
      put(new Error(e));
    } catch (RuntimeException e) {
      put(new Error(new ReverieException("reading the model stream failed: " + e, e)));
    } finally {
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }
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

  /** Aborts the model exchange, releases both sides and waits briefly for the reader to end. */
  void cancel() {
    synchronized (this) {
      cancelled = true;
      notifyAll();
    }
    stream.close();
    if (Thread.currentThread() == thread) return;
    // Wait even when the caller is interrupted (that is often why we are here), but boundedly.
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOIN_WAIT_SECONDS);
    while (thread.isAlive()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) break;
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
