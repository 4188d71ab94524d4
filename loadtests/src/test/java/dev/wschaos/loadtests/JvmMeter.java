package dev.wschaos.loadtests;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** CPU and heap of this JVM (Gatling and, when embedded, the simulator) over a run, for the verdict. */
final class JvmMeter {

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final long startCpuNanos = os.getProcessCpuTime();
  private final long startWallNanos = System.nanoTime();
  private volatile long peakHeapBytes;
  private volatile double peakCpuLoad;

  void sample() {
    peakHeapBytes = Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
    double load = os.getProcessCpuLoad();
    if (load >= 0) {
      peakCpuLoad = Math.max(peakCpuLoad, load);
    }
  }

  String summary() {
    double wall = (System.nanoTime() - startWallNanos) / 1e9;
    double cpu = (os.getProcessCpuTime() - startCpuNanos) / 1e9;
    int cores = os.getAvailableProcessors();
    return String.format("jvm: %.1f s cpu in %.1f s wall = %.0f%% of %d cores on average, peak %.0f%% (1 s sample); "
            + "peak heap used %d MB of max %d MB", cpu, wall, 100 * cpu / wall / cores, cores, 100 * peakCpuLoad,
        peakHeapBytes >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
  }
}
