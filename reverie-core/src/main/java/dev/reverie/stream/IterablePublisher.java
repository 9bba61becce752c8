package dev.reverie.stream;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Flow.Publisher} over a single-use, closeable pull stream: items are pulled on {@code
 * executor} only as the subscriber requests them, one task at a time, and cancelling closes the
 * stream (which aborts its HTTP exchange). One subscriber; a second one gets {@code onError}.
 *
 * <p>Follows the Reactive Streams rules that concern a publisher: signals are serial, never more
 * {@code onNext} than requested, a non-positive request is an {@link IllegalArgumentException}
 * through {@code onError}, and a subscriber that throws from {@code onSubscribe} or {@code onNext}
 * is treated as cancelled. A failure while pulling (the iterator throws) is signalled with {@code
 * onError}. Reads happen on the executor: with a direct one ({@code Runnable::run}) a {@code
 * request} reads on the caller's thread, and a {@code cancel} closes the stream on the caller's
 * thread in any case.
 */
final class IterablePublisher<T> implements Flow.Publisher<T> {
  private final Iterable<? extends T> source;
  private final AutoCloseable resource;
  private final Executor executor;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  IterablePublisher(Iterable<? extends T> source, AutoCloseable resource, Executor executor) {
    this.source = Objects.requireNonNull(source, "source");
    this.resource = Objects.requireNonNull(resource, "resource");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    if (!subscribed.compareAndSet(false, true)) {
      subscriber.onSubscribe(NothingToDo.INSTANCE);
      subscriber.onError(new IllegalStateException("this stream already has a subscriber"));
      return;
    }
    Pull pull = new Pull(subscriber);
    try {
      subscriber.onSubscribe(pull);
    } catch (RuntimeException | java.lang.Error e) {
      // §2.13: the subscription counts as cancelled, which releases the stream.
      pull.cancel();
      throw e;
    }
  }

  /** The subscription of a second subscriber, which only ever gets an error. */
  private enum NothingToDo implements Flow.Subscription {
    INSTANCE;

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }

  /** Pulls requested items on the executor; at most one drain task runs at a time. */
  private final class Pull implements Flow.Subscription, Runnable {
    private final Flow.Subscriber<? super T> subscriber;
    private final AtomicLong requested = new AtomicLong();
    // Drain tasks asked for and not yet finished: only the one that raised it from 0 runs.
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile IllegalArgumentException badRequest;
    private Iterator<? extends T> items;
    private boolean done;

    Pull(Flow.Subscriber<? super T> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        badRequest = new IllegalArgumentException("request(" + n + "): must be positive (§3.9)");
      } else {
        requested.getAndUpdate(r -> r + n < 0 ? Long.MAX_VALUE : r + n);
      }
      schedule();
    }

    @Override
    public void cancel() {
      cancelled = true;
      close();
    }

    private void schedule() {
      if (pending.getAndIncrement() == 0) {
        try {
          executor.execute(this);
        } catch (RuntimeException e) {
          // A rejecting executor: nothing will ever be delivered, so say so. No drain runs now
          // (this call would have started it); resetting the count afterwards publishes `done`.
          finish(e);
          pending.set(0);
        }
      }
    }

    @Override
    public void run() {
      int missed = 1;
      do {
        drain();
        missed = pending.addAndGet(-missed);
      } while (missed != 0);
    }

    private void drain() {
      while (!done && !cancelled) {
        if (badRequest != null) {
          finish(badRequest);
          return;
        }
        if (requested.get() == 0) return;
        T next;
        try {
          if (items == null) items = source.iterator();
          if (!items.hasNext()) {
            finish(null);
            return;
          }
          next = items.next();
        } catch (Throwable e) {
          finish(e);
          return;
        }
        // A cancel during the read closed the stream, which then yields its cancellation: that
        // part is the subscriber's own doing, not news for it.
        if (cancelled) return;
        requested.decrementAndGet();
        try {
          subscriber.onNext(next);
        } catch (Throwable e) {
          // §2.13: a subscriber that throws (anything) is treated as having cancelled.
          cancel();
          return;
        }
      }
    }

    private void finish(Throwable error) {
      if (done) return;
      done = true;
      close();
      if (cancelled) return;
      if (error == null) subscriber.onComplete();
      else subscriber.onError(error);
    }

    private void close() {
      try {
        resource.close();
      } catch (Exception e) {
        // Closing only releases the exchange; a failure to do so changes nothing for the caller.
      }
    }
  }
}
