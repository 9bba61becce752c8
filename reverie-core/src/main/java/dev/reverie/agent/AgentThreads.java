package dev.reverie.agent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where one agent run's helper threads come from: the reader of each streamed model answer and the
 * tool threads. Either the factory the agent was configured with, or daemon threads the agent names
 * {@code reverie-agent-<run>-stream-<n>} and {@code reverie-agent-<run>-tool-<n>}, so that a thread
 * dump shows which run and which role a thread serves.
 */
final class AgentThreads {
  /** The prefix of every thread the agent names itself. */
  static final String NAME_PREFIX = "reverie-agent-";

  private static final AtomicInteger RUN_NUMBER = new AtomicInteger();

  private final ThreadFactory streamReaders;
  private final ThreadFactory tools;

  private AgentThreads(ThreadFactory streamReaders, ThreadFactory tools) {
    this.streamReaders = streamReaders;
    this.tools = tools;
  }

  /** The threads of a new run: all from {@code configured}, or named daemons when it is null. */
  static AgentThreads forRun(ThreadFactory configured) {
    if (configured != null) return new AgentThreads(configured, configured);
    String run = NAME_PREFIX + RUN_NUMBER.incrementAndGet();
    return new AgentThreads(named(run + "-stream-"), named(run + "-tool-"));
  }

  ThreadFactory streamReaders() {
    return streamReaders;
  }

  ThreadFactory tools() {
    return tools;
  }

  private static ThreadFactory named(String prefix) {
    var count = new AtomicInteger();
    return runnable -> {
      var thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
