package dev.reverie.agent;

import static dev.reverie.agent.AgentTestSupport.model;
import static dev.reverie.agent.AgentTestSupport.tool;
import static dev.reverie.agent.ScriptedProviderModel.call;
import static dev.reverie.agent.ScriptedProviderModel.text;
import static dev.reverie.agent.ScriptedProviderModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.agent.AgentTestSupport.Mode;
import dev.reverie.error.CancelledException;
import dev.reverie.message.ToolOutput;
import dev.reverie.stream.Error;
import dev.reverie.stream.StepStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.tool.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How runs end: closing the agent stream or interrupting the caller stops everything, a finished
 * run ends its model streams properly, and no helper thread outlives a run.
 */
class AgentCancellationTest {
  // Only a safety net against hanging a broken build; never reached when the code is right.
  private static final long SAFETY_SECONDS = 30;

  /** The live threads the agent names itself ({@code reverie-agent-…}). */
  private static Set<Thread> agentThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("reverie-agent-"))
        .collect(Collectors.toSet());
  }

  /**
   * Asserts that every agent thread started since {@code before} has ended. The join only gives a
   * thread that already finished its work the moment it needs to die; it is never a timing bound.
   */
  private static void assertNoNewAgentThreadSurvives(Set<Thread> before)
      throws InterruptedException {
    for (Thread thread : agentThreads()) {
      if (before.contains(thread)) continue;
      thread.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));
      assertThat(thread.isAlive()).as(thread.getName() + " outlived its run").isFalse();
    }
  }

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
    Set<Thread> before = agentThreads();
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
    assertNoNewAgentThreadSurvives(before);
  }

  @Test
  void abandoningTheStreamEarlyStopsTheRun() throws Exception {
    Set<Thread> before = agentThreads();
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
    assertNoNewAgentThreadSurvives(before);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aFinishedRunLeavesNoAgentThread(Mode mode) throws Exception {
    Set<Thread> before = agentThreads();
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "echo", "{}"), call("c2", "echo", "{}")), text("done"));
    var agent =
        Agent.builder(model(scripted))
            .tools(tool("echo", invocation -> ToolOutput.text(invocation.toolCallId())))
            .build();

    assertThat(AgentTestSupport.run(agent, "hi", mode).text()).isEqualTo("done");

    assertNoNewAgentThreadSurvives(before);
  }

  @Test
  void closingTheStreamWhileAToolSleepsLeavesNoAgentThread() throws Exception {
    Set<Thread> before = agentThreads();
    var sleeping = new SleepingTool();
    var scripted = new ScriptedProviderModel(toolCalls(call("c1", "sleep", "{}")));
    var agent = Agent.builder(model(scripted)).tools(sleeping.asTool()).build();

    try (AgentStream stream = agent.stream("hi")) {
      closeWhenReleased(stream, sleeping.started);
      stream.forEach(part -> {});
      assertThatThrownBy(stream::result).isInstanceOf(CancelledException.class);
    }

    assertThat(sleeping.interrupted.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertNoNewAgentThreadSurvives(before);
  }

  @Test
  void interruptingTheCallerOfGenerateLeavesNoAgentThread() throws Exception {
    Set<Thread> before = agentThreads();
    var sleeping = new SleepingTool();
    var scripted = new ScriptedProviderModel(toolCalls(call("c1", "sleep", "{}")));
    var agent = Agent.builder(model(scripted)).tools(sleeping.asTool()).build();
    var thrown = new AtomicReference<Throwable>();

    var caller =
        new Thread(
            () -> {
              try {
                agent.generate("hi");
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.setDaemon(true);
    caller.start();
    assertThat(sleeping.started.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(SAFETY_SECONDS));

    assertThat(thrown.get()).isInstanceOf(CancelledException.class);
    assertNoNewAgentThreadSurvives(before);
  }

  @Test
  void theModelStreamIsReadOnAThreadFromTheAgentsFactory() throws Exception {
    var threads = new RecordingThreadFactory();
    var scripted = new ScriptedProviderModel(text("hello"));
    var agent = Agent.builder(model(scripted)).threadFactory(threads).build();

    try (AgentStream stream = agent.stream("hi")) {
      assertThat(stream.result().text()).isEqualTo("hello");
    }

    assertThat(threads.threads).hasSize(1);
    threads.assertAllEnded();
  }

  @Test
  void aFinishedAnswerIsReadToTheEndOfItsStreamBeforeTheStreamIsClosed() throws Exception {
    Set<Thread> before = agentThreads();
    // Two parts after the finish: the caller never takes them, so only a reader that drains on
    // its own reaches the end (one part ahead is all a reader may keep otherwise).
    var parts = new ArrayList<>(ScriptedProviderModel.partsOf(text("hello").response()));
    parts.addAll(
        List.of(
            new TextStart("late", null),
            new TextDelta("late", "dropped"),
            new TextEnd("late", null)));
    var scripted = new ScriptedProviderModel(new ScriptedProviderModel.RawParts(parts));
    var agent = Agent.builder(model(scripted)).build();
    var seen = new ArrayList<StreamPart>();

    AgentResult result;
    try (AgentStream stream = agent.stream("hi")) {
      stream.forEach(seen::add);
      result = stream.result();
    }

    assertThat(result.text()).isEqualTo("hello");
    assertThat(seen).noneMatch(part -> part.toString().contains("dropped"));
    assertThat(scripted.streamsReadToEnd).hasValue(1);
    assertThat(scripted.streamsClosedBeforeTheirEnd).hasValue(0);
    assertThat(scripted.streamsClosed).hasValue(1);
    assertNoNewAgentThreadSurvives(before);
  }

  @Test
  void aModelStreamWhoseCloseDoesNotFreeItsReadIsFreedByInterruptingTheReader() throws Exception {
    Set<Thread> before = agentThreads();
    var scripted =
        new ScriptedProviderModel(
            new ScriptedProviderModel.Stuck(
                List.of(new StreamStart(List.of()), new TextDelta("0", "Hel"))));
    var agent = Agent.builder(model(scripted)).build();
    var parts = new ArrayList<StreamPart>();

    try (AgentStream stream = agent.stream("hi")) {
      closeWhenReleased(stream, scripted.hanging);
      stream.forEach(parts::add);
    }

    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class, e -> assertThat(e.error()).isInstanceOf(CancelledException.class));
    assertNoNewAgentThreadSurvives(before);
  }

  @Test
  void aToolThatIgnoresItsInterruptIsNamedInTheRunsErrorAndReleasedLater() throws Exception {
    var started = new CountDownLatch(1);
    var interrupted = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Tool stubborn =
        tool(
            "stubborn",
            invocation -> {
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
    var threads = new RecordingThreadFactory();
    var scripted = new ScriptedProviderModel(toolCalls(call("c1", "stubborn", "{}")));
    var agent =
        Agent.builder(model(scripted))
            .tools(stubborn)
            .threadFactory(threads)
            .toolStopWait(Duration.ZERO)
            .build();
    var parts = new ArrayList<StreamPart>();

    try (AgentStream stream = agent.stream("hi")) {
      closeWhenReleased(stream, started);
      stream.forEach(parts::add);
    } finally {
      assertThat(interrupted.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
      release.countDown();
    }

    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class,
            e -> {
              assertThat(e.error()).isInstanceOf(CancelledException.class);
              assertThat(Arrays.stream(e.error().getSuppressed()).map(Throwable::getMessage))
                  .anySatisfy(
                      message ->
                          assertThat(message)
                              .contains("tool stubborn (call c1)")
                              .contains("did not stop"));
            });
    threads.assertAllEnded();
  }

  /** Closes {@code stream} from another thread once {@code latch} opens. */
  private static void closeWhenReleased(AgentStream stream, CountDownLatch latch) {
    var closer =
        new Thread(
            () -> {
              try {
                latch.await();
                stream.close();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    closer.setDaemon(true);
    closer.start();
  }
}
