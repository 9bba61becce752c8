package dev.reverie.internal.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.error.CancelledException;
import dev.reverie.internal.json.Json;
import dev.reverie.message.ToolOutput;
import dev.reverie.tool.Tool;
import dev.reverie.tool.ToolFunction;
import dev.reverie.tool.ToolInvocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ToolExecutorTest {
  private static final long SAFETY_SECONDS = 30;

  private static ToolExecutor.Task task(Tool tool, String id) {
    return new ToolExecutor.Task(
        tool, new ToolInvocation(id, tool.name(), "{}", Json.value(Json.object())));
  }

  private static Tool tool(String name, ToolFunction function) {
    return Tool.of(name, "", Json.value(Json.object().put("type", "object")), function);
  }

  @Test
  void aThrowingToolYieldsAnErrorOutputAndOthersStillRun() {
    Tool boom =
        tool(
            "boom",
            i -> {
              throw new java.io.IOException("no network");
            });
    Tool blank =
        tool(
            "blank",
            i -> {
              throw new IllegalStateException();
            });
    Tool ok = tool("ok", i -> ToolOutput.text(i.toolCallId()));

    try (ToolExecutor executor = ToolExecutor.create(4)) {
      var execution = executor.start(List.of(task(boom, "a"), task(ok, "b"), task(blank, "c")));
      var outputs = new ArrayList<ToolOutput>();
      while (execution.hasNext()) outputs.add(execution.awaitNext());

      assertThat(outputs)
          .containsExactly(
              ToolOutput.error("tool boom failed: no network"),
              ToolOutput.text("b"),
              ToolOutput.error("tool blank failed: IllegalStateException"));
    }
  }

  @Test
  void closingInterruptsRunningToolsAndEndsEveryThread() throws Exception {
    var started = new CountDownLatch(2);
    var interrupted = new CountDownLatch(2);
    var threads = new ArrayList<Thread>();
    Tool sleeper =
        tool(
            "sleep",
            i -> {
              started.countDown();
              try {
                Thread.sleep(TimeUnit.DAYS.toMillis(1));
              } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
              }
              return ToolOutput.text("late");
            });
    ToolExecutor executor =
        ToolExecutor.create(
            2,
            r -> {
              var t = new Thread(r);
              t.setDaemon(true);
              synchronized (threads) {
                threads.add(t);
              }
              return t;
            },
            ToolExecutor.DEFAULT_STOP_WAIT);
    var execution = executor.start(List.of(task(sleeper, "a"), task(sleeper, "b")));
    var waiterCancelled = new CountDownLatch(1);
    var waiter =
        new Thread(
            () -> {
              try {
                execution.awaitNext();
              } catch (CancelledException expected) {
                waiterCancelled.countDown();
              }
            });
    waiter.start();
    assertThat(started.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();

    executor.close();

    assertThat(interrupted.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(executor.isTerminated()).isTrue();
    assertThat(waiterCancelled.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
    synchronized (threads) {
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));
        assertThat(t.isAlive()).isFalse();
      }
    }
    assertThatThrownBy(() -> executor.start(List.of(task(sleeper, "c"))).awaitNext())
        .isInstanceOf(CancelledException.class);
  }

  @Test
  void closingReleasesWaitersOfCallsThatNeverStarted() throws Exception {
    var started = new CountDownLatch(1);
    Tool stubborn =
        tool(
            "stubborn",
            i -> {
              started.countDown();
              try {
                Thread.sleep(TimeUnit.DAYS.toMillis(1));
              } catch (InterruptedException e) {
                return ToolOutput.text("swallowed the interrupt");
              }
              return ToolOutput.text("late");
            });
    ToolExecutor executor = ToolExecutor.create(1);
    // With one thread, "b" is still queued when the executor closes.
    var execution = executor.start(List.of(task(stubborn, "a"), task(stubborn, "b")));
    var outcomes = new ArrayList<Object>();
    var waiter =
        new Thread(
            () -> {
              while (execution.hasNext()) {
                try {
                  Object output = execution.awaitNext();
                  synchronized (outcomes) {
                    outcomes.add(output);
                  }
                } catch (CancelledException e) {
                  synchronized (outcomes) {
                    outcomes.add(e);
                  }
                  return;
                }
              }
            });
    waiter.setDaemon(true);
    waiter.start();
    assertThat(started.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();

    executor.close();
    waiter.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));

    assertThat(waiter.isAlive()).isFalse();
    synchronized (outcomes) {
      assertThat(outcomes).last().isInstanceOf(CancelledException.class);
    }
  }

  @Test
  void cancellingAnExecutionDropsTheCallsNotStarted() {
    var started = new CountDownLatch(1);
    Tool sleeper =
        tool(
            "sleep",
            i -> {
              started.countDown();
              Thread.sleep(TimeUnit.DAYS.toMillis(1));
              return ToolOutput.text("late");
            });
    Tool alone = tool("alone", i -> ToolOutput.text("never")).sequential();
    try (ToolExecutor executor = ToolExecutor.create(1)) {
      var execution = executor.start(List.of(task(sleeper, "a"), task(alone, "b")));
      execution.cancel();
      assertThatThrownBy(execution::awaitNext).isInstanceOf(CancelledException.class);
      assertThat(execution.hasNext()).isTrue();
    }
  }

  /** Keeps the records logged to a java.util.logging logger (the default System.Logger backend). */
  private static final class RecordingHandler extends Handler {
    final List<LogRecord> records = new ArrayList<>();

    @Override
    public synchronized void publish(LogRecord record) {
      records.add(record);
    }

    synchronized List<LogRecord> records() {
      return List.copyOf(records);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void aToolThatIgnoresItsInterruptIsReportedAndLoggedAfterTheBoundedWait() throws Exception {
    var started = new CountDownLatch(1);
    var interrupted = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Tool stubborn =
        tool(
            "stubborn",
            i -> {
              started.countDown();
              while (true) {
                try {
                  release.await();
                  return ToolOutput.text("finally");
                } catch (InterruptedException ignored) {
                  interrupted.countDown();
                }
              }
            });
    var threads = new ArrayList<Thread>();
    ToolExecutor executor =
        ToolExecutor.create(
            1,
            r -> {
              var t = new Thread(r);
              t.setDaemon(true);
              synchronized (threads) {
                threads.add(t);
              }
              return t;
            },
            Duration.ZERO);
    Logger logger = Logger.getLogger(ToolExecutor.class.getName());
    var handler = new RecordingHandler();
    logger.addHandler(handler);
    List<ToolExecutor.Task> stuck;
    try {
      var execution = executor.start(List.of(task(stubborn, "c1")));
      // Starts the call and waits for it; its outcome does not matter here.
      var waiter =
          new Thread(
              () -> {
                try {
                  execution.awaitNext();
                } catch (CancelledException expected) {
                  // also fine
                }
              });
      waiter.setDaemon(true);
      waiter.start();
      assertThat(started.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();

      // The tool cannot end before the release below, so the zero wait always gives up on it.
      stuck = executor.shutDown();
    } finally {
      logger.removeHandler(handler);
      assertThat(interrupted.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
      release.countDown();
    }

    assertThat(stuck).extracting(t -> t.invocation().toolCallId()).containsExactly("c1");
    assertThat(stuck.get(0).describe()).isEqualTo("tool stubborn (call c1)");
    assertThat(handler.records())
        .anySatisfy(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.WARNING);
              assertThat(record.getMessage()).contains("did not stop");
              assertThat(record.getParameters()).contains("stubborn", "c1");
            });
    synchronized (threads) {
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));
        assertThat(t.isAlive()).isFalse();
      }
    }
    assertThat(executor.isTerminated()).isTrue();
  }
}
