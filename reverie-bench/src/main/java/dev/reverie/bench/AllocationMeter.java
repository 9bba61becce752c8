package dev.reverie.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads how many heap bytes threads have allocated, through HotSpot's {@link
 * com.sun.management.ThreadMXBean}: the calling thread alone, and every live thread except the
 * loopback server's (so the HTTP client's own threads count). Bytes allocated by a thread that ends
 * between two readings are lost; the JDK client's threads live for the whole bench.
 */
public final class AllocationMeter {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static {
    if (!THREADS.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot measure allocation per thread");
    }
    THREADS.setThreadAllocatedMemoryEnabled(true);
    if (THREADS.isCurrentThreadCpuTimeSupported()) THREADS.setThreadCpuTimeEnabled(true);
  }

  private AllocationMeter() {}

  /** Bytes the calling thread has allocated since it started. */
  public static long currentThread() {
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** CPU time the calling thread has used since it started, in nanoseconds. */
  public static long currentThreadCpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /**
   * CPU time the whole process has used, in nanoseconds: the client's threads, the loopback
   * server's and the JVM's own (JIT, GC), or -1 where the platform cannot tell.
   */
  public static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** Bytes allocated so far by each live thread not serving the loopback server, by thread id. */
  public static Map<Long, Long> clientThreads() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    ThreadInfo[] infos = THREADS.getThreadInfo(ids);
    Map<Long, Long> result = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      ThreadInfo info = infos[i];
      if (info == null || bytes[i] < 0) continue;
      String name = info.getThreadName();
      if (name.startsWith(LoopbackSseServer.THREAD_PREFIX) || name.startsWith("HTTP-Dispatcher")) {
        continue;
      }
      result.put(ids[i], bytes[i]);
    }
    return result;
  }

  /** The bytes allocated between two {@link #clientThreads()} readings. */
  public static long difference(Map<Long, Long> before, Map<Long, Long> after) {
    long total = 0;
    for (var entry : after.entrySet()) {
      total += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
    }
    return total;
  }
}
