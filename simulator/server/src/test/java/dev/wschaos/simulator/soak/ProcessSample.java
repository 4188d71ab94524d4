package dev.wschaos.simulator.soak;

import dev.wschaos.simulator.WsChaosServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;

/**
 * What the process holds at one moment of a soak: heap after a full GC, open file descriptors, live threads, and the
 * server's per-client state.
 */
record ProcessSample(long atMillis, long heapAfterGc, long openFiles, int threads, WsChaosServer.Footprint state) {

  static ProcessSample take(long atMillis, WsChaosServer server) {
    return new ProcessSample(atMillis, measureHeapAfterGc(), countOpenFiles(),
        ManagementFactory.getThreadMXBean().getThreadCount(), server.footprint());
  }

  /** The lowest of three readings, each after a full GC: what is still reachable, not what is waiting for GC. */
  static long measureHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Open descriptors of this process; -1 where the JVM cannot tell (not a Unix). */
  static long countOpenFiles() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
  }

  String line() {
    return String.format("soak t=%4ds heap=%6.1fMB fds=%5d threads=%4d open=%4d clients=%6d evicted=%8d"
            + " journal=%6d analytics=%6d following=%5d",
        atMillis / 1000, heapAfterGc / 1e6, openFiles, threads, state.openConnections(), state.rememberedClients(),
        state.clientsEvicted(), state.journalEvents(), state.analyticsAttempts(), state.analyticsFollowing());
  }
}
