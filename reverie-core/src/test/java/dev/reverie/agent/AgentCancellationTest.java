package dev.reverie.agent;

import static dev.reverie.agent.AgentTestSupport.model;
import static dev.reverie.agent.AgentTestSupport.tool;
import static dev.reverie.agent.ScriptedProviderModel.call;
import static dev.reverie.agent.ScriptedProviderModel.text;
import static dev.reverie.agent.ScriptedProviderModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.error.CancelledException;
import dev.reverie.message.ToolOutput;
import dev.reverie.stream.Error;
import dev.reverie.stream.StepStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Closing the agent stream or interrupting the caller stops everything, leaving no thread. */
class AgentCancellationTest {
  // Only a safety net against hanging a broken build; never reached when the code is right.
  private static final long SAFETY_SECONDS = 30;

  /** Hands out daemon threads and remembers them, so a test can prove they all ended. */
  private static final class RecordingThreadFactory implements ThreadFactory {
    final List<Thread> threads = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public Thread newThread(Runnable runnable) {
      var thread = new Thread(runnable, "test-tool-" + threads.size());
      thread.setDaemon(true);
      threads.add(thread);
      return thread;
    }

    void assertAllEnded() throws InterruptedException {
      assertThat(threads).isNotEmpty();
      for (Thread thread : List.copyOf(threads)) {
        thread.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));
        assertThat(thread.isAlive()).as(thread.getName()).isFalse();
      }
    }
  }

  /** A tool that sleeps "forever" and reports being started and being interrupted. */
  private static final class SleepingTool {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);

    Tool asTool() {
      return tool(
          "sleep",
          invocation -> {
            started.countDown();
            try {
              Thread.sleep(TimeUnit.DAYS.toMillis(1));
            } catch (InterruptedException e) {
              interrupted.countDown();
              throw e;
            }
            return ToolOutput.text("woke up");
          });
    }
  }

  @Test
  void closingTheStreamWhileAToolSleepsInterruptsItAndLeavesNoThread() throws Exception {
    var sleeping = new SleepingTool();
    var threads = new RecordingThreadFactory();
    var scripted =
        new ScriptedProviderModel(toolCalls(call("c1", "sleep", "{}"), call("c2", "sleep", "{}")));
    var agent =
        Agent.builder(model(scripted)).tools(sleeping.asTool()).threadFactory(threads).build();
    var parts = new ArrayList<StreamPart>();

    AgentStream stream = agent.stream("hi");
    try {
      var closer =
          new Thread(
              () -> {
                try {
                  sleeping.started.await();
                  stream.close();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      closer.setDaemon(true);
      closer.start();
      stream.forEach(parts::add);
      closer.join();
      assertThatThrownBy(stream::result).isInstanceOf(CancelledException.class);
    } finally {
      stream.close();
    }

    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class, e -> assertThat(e.error()).isInstanceOf(CancelledException.class));
    assertThat(sleeping.interrupted.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
    threads.assertAllEnded();
    assertThat(scripted.calls).hasSize(1);
  }

  @Test
  void interruptingTheCallerOfGenerateInterruptsToolsAndLeavesNoThread() throws Exception {
    var sleeping = new SleepingTool();
    var threads = new RecordingThreadFactory();
    var scripted = new ScriptedProviderModel(toolCalls(call("c1", "sleep", "{}")), text("no"));
    var agent =
        Agent.builder(model(scripted)).tools(sleeping.asTool()).threadFactory(threads).build();
    var thrown = new AtomicReference<Throwable>();
    var stillInterrupted = new AtomicReference<Boolean>();

    var caller =
        new Thread(
            () -> {
              try {
                agent.generate("hi");
              } catch (Throwable t) {
                thrown.set(t);
              }
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.setDaemon(true);
    caller.start();
    assertThat(sleeping.started.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CancelledException.class);
    assertThat(stillInterrupted.get()).isTrue();
    assertThat(sleeping.interrupted.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
    threads.assertAllEnded();
  }

  @Test
  void closingTheStreamWhileTheModelStreamsAbortsTheModelExchange() throws Exception {
    var scripted =
        new ScriptedProviderModel(
            new ScriptedProviderModel.Hang(
                List.of(new StreamStart(List.of()), new TextDelta("0", "Hel"))));
    var agent = Agent.builder(model(scripted)).build();
    var parts = new ArrayList<StreamPart>();

    AgentStream stream = agent.stream("hi");
    try {
      var closer =
          new Thread(
              () -> {
                try {
                  scripted.hanging.await();
                  stream.close();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      closer.setDaemon(true);
      closer.start();
      stream.forEach(parts::add);
      closer.join();
    } finally {
      stream.close();
    }

    assertThat(scripted.streamsClosed.get()).isPositive();
    // The close races the consumer: the text delta may or may not have been taken before it.
    assertThat(parts.get(0)).isInstanceOf(StepStart.class);
    assertThat(parts.size()).isBetween(3, 4);
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class, e -> assertThat(e.error()).isInstanceOf(CancelledException.class));
  }

  @Test
  void abandoningTheStreamEarlyStopsTheRun() {
    var scripted = new ScriptedProviderModel(toolCalls(call("c1", "sleep", "{}")), text("no"));
    var sleeping = new SleepingTool();
    var agent = Agent.builder(model(scripted)).tools(sleeping.asTool()).build();

    try (AgentStream stream = agent.stream("hi")) {
      for (StreamPart part : stream) {
        if (part instanceof dev.reverie.stream.ToolCall) break;
      }
    }

    assertThat(sleeping.started.getCount()).isEqualTo(1);
    assertThat(scripted.calls).hasSize(1);
    assertThat(scripted.streamsClosed).hasValue(1);
  }
}
