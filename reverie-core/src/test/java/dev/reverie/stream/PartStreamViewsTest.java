package dev.reverie.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code Stream} and {@code Flow.Publisher} views of a part stream. */
class PartStreamViewsTest {
  private static final long WAIT_SECONDS = 20;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final AtomicInteger pulled = new AtomicInteger();
  private final AtomicInteger closes = new AtomicInteger();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** Five text deltas; counts how many were pulled and how often the stream was closed. */
  private PartStream parts(int count) {
    List<StreamPart> list = new ArrayList<>();
    for (int i = 0; i < count; i++) list.add(new TextDelta("t", "d" + i));
    Iterator<StreamPart> source = list.iterator();
    Iterator<StreamPart> counting =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return source.hasNext();
          }

          @Override
          public StreamPart next() {
            pulled.incrementAndGet();
            return source.next();
          }
        };
    return PartStream.of(counting, closes::incrementAndGet);
  }

  private static String text(StreamPart part) {
    return ((TextDelta) part).delta();
  }

  @Test
  void theStreamViewReadsLazilyAndClosingItClosesTheParts() {
    try (Stream<StreamPart> stream = parts(5).stream()) {
      assertThat(stream.limit(2).map(PartStreamViewsTest::text).collect(Collectors.toList()))
          .containsExactly("d0", "d1");
    }
    assertThat(pulled.get()).isEqualTo(2);
    assertThat(closes.get()).isEqualTo(1);
  }

  @Test
  void thePublisherPullsOnlyWhatIsRequestedThenCompletes() throws Exception {
    var recorder = new Recorder(0);
    parts(5).publisher(pool).subscribe(recorder);
    assertThat(recorder.subscribed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50);
    assertThat(pulled.get()).as("nothing requested, nothing read").isZero();
    recorder.subscription.request(2);
    recorder.awaitItems(2);
    assertThat(pulled.get()).isEqualTo(2);
    recorder.subscription.request(Long.MAX_VALUE);
    assertThat(recorder.ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.items).containsExactly("d0", "d1", "d2", "d3", "d4");
    assertThat(recorder.completed.get()).isTrue();
    assertThat(recorder.error.get()).isNull();
    assertThat(recorder.overlapped.get()).as("signals were serial").isFalse();
    assertThat(closes.get()).isEqualTo(1);
  }

  @Test
  void requestingOneAtATimeFromOnNextWorksOnTheCallingThread() throws Exception {
    var recorder = new Recorder(1);
    recorder.requestOneMoreOnEachItem = true;
    parts(4).publisher(Runnable::run).subscribe(recorder);
    assertThat(recorder.ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.items).containsExactly("d0", "d1", "d2", "d3");
    assertThat(recorder.completed.get()).isTrue();
  }

  @Test
  void cancellingClosesTheStreamAndStopsTheItems() throws Exception {
    var recorder = new Recorder(1);
    recorder.cancelAfterFirst = true;
    parts(5).publisher(pool).subscribe(recorder);
    recorder.awaitItems(1);
    Thread.sleep(50);
    assertThat(recorder.items).containsExactly("d0");
    assertThat(closes.get()).isEqualTo(1);
    assertThat(recorder.completed.get()).isFalse();
    assertThat(recorder.error.get()).isNull();
  }

  @Test
  void aNonPositiveRequestIsAnError() throws Exception {
    var recorder = new Recorder(0);
    parts(3).publisher(pool).subscribe(recorder);
    recorder.subscription.request(0);
    assertThat(recorder.ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.error.get()).isInstanceOf(IllegalArgumentException.class);
    assertThat(recorder.items).isEmpty();
    assertThat(closes.get()).isEqualTo(1);
  }

  @Test
  void aSecondSubscriberIsRefused() throws Exception {
    Flow.Publisher<StreamPart> publisher = parts(1).publisher(pool);
    publisher.subscribe(new Recorder(1));
    var second = new Recorder(1);
    publisher.subscribe(second);
    assertThat(second.ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(second.error.get()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSubscriberThatThrowsIsTreatedAsCancelled() throws Exception {
    var recorder = new Recorder(Long.MAX_VALUE);
    recorder.throwOnItem = true;
    parts(5).publisher(Runnable::run).subscribe(recorder);
    assertThat(recorder.items).containsExactly("d0");
    assertThat(closes.get()).isEqualTo(1);
    assertThat(recorder.completed.get()).isFalse();
    assertThat(recorder.error.get()).isNull();
  }

  @Test
  void aSubscriberThatThrowsAnErrorIsTreatedAsCancelledToo() throws Exception {
    var recorder = new Recorder(1);
    recorder.assertionErrorOnItem = true;
    parts(5).publisher(Runnable::run).subscribe(recorder);
    assertThat(recorder.items).containsExactly("d0");
    assertThat(closes.get()).isEqualTo(1);
    recorder.subscription.request(5);
    assertThat(recorder.items).containsExactly("d0");
    assertThat(pulled.get()).isEqualTo(1);
  }

  @Test
  void aSubscriberThatThrowsFromOnSubscribeReleasesTheStream() {
    var failing =
        new Recorder(0) {
          @Override
          public void onSubscribe(Flow.Subscription s) {
            throw new IllegalStateException("cannot subscribe");
          }
        };
    try {
      parts(3).publisher(pool).subscribe(failing);
    } catch (IllegalStateException expected) {
      // §2.13: the caller hears of it.
    }
    assertThat(closes.get()).isEqualTo(1);
    assertThat(pulled.get()).isZero();
  }

  @Test
  void aCancelDuringAReadDeliversNothingMore() throws Exception {
    var blocked = new CountDownLatch(1);
    var closed = new CountDownLatch(1);
    // A read that waits on the network until the stream is closed, then yields the
    // cancellation, as a real part stream does.
    PartStream waiting =
        PartStream.of(
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                blocked.countDown();
                try {
                  closed.await(WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return true;
              }

              @Override
              public StreamPart next() {
                return new TextDelta("t", "the stream was closed");
              }
            },
            closed::countDown);
    var recorder = new Recorder(1);
    waiting.publisher(pool).subscribe(recorder);
    assertThat(blocked.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    recorder.subscription.cancel();
    pool.shutdown();
    assertThat(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.items).isEmpty();
    assertThat(recorder.completed.get()).isFalse();
    assertThat(recorder.error.get()).isNull();
  }

  @Test
  void aFailureWhileReadingIsSignalled() throws Exception {
    PartStream failing =
        PartStream.of(
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                throw new IllegalStateException("broken source");
              }

              @Override
              public StreamPart next() {
                throw new AssertionError();
              }
            },
            closes::incrementAndGet);
    var recorder = new Recorder(1);
    failing.publisher(pool).subscribe(recorder);
    assertThat(recorder.ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.error.get()).hasMessage("broken source");
    assertThat(closes.get()).isEqualTo(1);
  }

  /** Records what a publisher signals, requesting {@code initial} items on subscription. */
  private static class Recorder implements Flow.Subscriber<StreamPart> {
    final long initial;
    final List<String> items = new CopyOnWriteArrayList<>();
    final CountDownLatch subscribed = new CountDownLatch(1);
    final CountDownLatch ended = new CountDownLatch(1);
    final AtomicBoolean completed = new AtomicBoolean();
    final java.util.concurrent.atomic.AtomicReference<Throwable> error =
        new java.util.concurrent.atomic.AtomicReference<>();
    final AtomicBoolean inSignal = new AtomicBoolean();
    final AtomicBoolean overlapped = new AtomicBoolean();
    volatile Flow.Subscription subscription;
    boolean requestOneMoreOnEachItem;
    boolean cancelAfterFirst;
    boolean throwOnItem;
    boolean assertionErrorOnItem;

    Recorder(long initial) {
      this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      subscribed.countDown();
      if (initial > 0) s.request(initial);
    }

    @Override
    public void onNext(StreamPart item) {
      if (!inSignal.compareAndSet(false, true)) overlapped.set(true);
      try {
        items.add(text(item));
        if (throwOnItem) throw new IllegalStateException("subscriber failure");
        if (assertionErrorOnItem) throw new AssertionError("a failing assertion in a subscriber");
        if (cancelAfterFirst) subscription.cancel();
        if (requestOneMoreOnEachItem) subscription.request(1);
      } finally {
        inSignal.set(false);
      }
    }

    @Override
    public void onError(Throwable t) {
      error.set(t);
      ended.countDown();
    }

    @Override
    public void onComplete() {
      completed.set(true);
      ended.countDown();
    }

    void awaitItems(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (items.size() < count && System.nanoTime() < deadline) Thread.sleep(5);
      assertThat(items).hasSizeGreaterThanOrEqualTo(count);
    }
  }
}
