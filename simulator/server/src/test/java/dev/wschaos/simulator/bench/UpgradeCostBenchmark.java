package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What one WebSocket upgrade costs the server, in CPU time and in bytes allocated, for plain Vert.x and for wschaos,
 * measured in one run. The servers run in this JVM on one event loop each; the handshakes (connect + close) come from
 * {@link LoadClient} in a process of its own, so every Java thread of this JVM that works during a batch works for
 * the server under load. Per batch: the CPU time and allocated bytes of all this JVM's threads
 * ({@code com.sun.management.ThreadMXBean}) divided by the upgrades. CPU time per upgrade moves far less with the
 * other load on a shared machine than upgrades per second do. Rounds interleaved; medians, ranges and ratios to plain
 * Vert.x. Figures only, never asserted. Not part of {@code verify}:
 *
 * <pre>{@code
 * ./mvnw -B -ntp -pl simulator/server -am test -Dtest=UpgradeCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dorg.slf4j.simpleLogger.log.dev.wschaos=info -Drounds=5 -Dhandshakes=2000
 * }</pre>
 */
class UpgradeCostBenchmark {

  private static final int ROUNDS = Integer.getInteger("rounds", 5);
  private static final int HANDSHAKES = Integer.getInteger("handshakes", 2000);
  private static final int CONCURRENCY = Integer.getInteger("concurrency", 20);
  private static final String ONLY = System.getProperty("only", "");
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private record Cost(double cpuMicros, double bytes, double rate) {}

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void cpuAndAllocationPerUpgrade() throws Exception {
    List<BenchServer> servers = List.of();
    try (LoadClientProcess load = LoadClientProcess.start()) {
      servers = BenchServer.only(ONLY, List.of(
          BenchServer.plainEcho("plain Vert.x echo", 1),
          BenchServer.wschaos("wschaos healthy (journal + analytics)", WsChaosServer.builder().eventLoops(1)),
          BenchServer.wschaos("wschaos journal+analytics off",
              WsChaosServer.builder().eventLoops(1).journalSize(0).analytics(false)),
          BenchServer.wschaos("wschaos 50 non-matching rules",
              WsChaosServer.builder().eventLoops(1).plan(BenchServer.fiftyRulesThatNeverMatch()))));
      for (BenchServer s : servers) { // warm-up: JIT and the servers' first-use work, not counted
        for (int i = 0; i < 3; i++) {
          batch(load, s);
        }
      }
      Cost[][] costs = new Cost[servers.size()][ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < servers.size(); i++) {
          int index = (round + i) % servers.size();
          costs[index][round] = batch(load, servers.get(index));
        }
      }
      print(servers, costs);
    } finally {
      BenchServer.stopAll(servers);
    }
  }

  private static Cost batch(LoadClientProcess load, BenchServer s) throws IOException {
    long[] ids = THREADS.getAllThreadIds();
    long[] cpuBefore = THREADS.getThreadCpuTime(ids);
    long[] bytesBefore = THREADS.getThreadAllocatedBytes(ids);
    double rate = load.askNumber("handshakes " + s.port() + " " + CONCURRENCY + " " + HANDSHAKES, 0);
    long[] cpuAfter = THREADS.getThreadCpuTime(ids);
    long[] bytesAfter = THREADS.getThreadAllocatedBytes(ids);
    long cpu = 0;
    long bytes = 0;
    for (int i = 0; i < ids.length; i++) {
      if (cpuBefore[i] >= 0 && cpuAfter[i] >= 0) {
        cpu += cpuAfter[i] - cpuBefore[i];
      }
      if (bytesBefore[i] >= 0 && bytesAfter[i] >= 0) {
        bytes += bytesAfter[i] - bytesBefore[i];
      }
    }
    return new Cost(cpu / 1000.0 / HANDSHAKES, bytes / (double) HANDSHAKES, rate);
  }

  private static void print(List<BenchServer> servers, Cost[][] costs) {
    System.out.printf(Locale.ROOT, "%d rounds interleaved, %d handshakes (connect + close) %d at a time per batch, "
        + "load client in its own JVM, 1 event loop per server, %d cores, %s%n", ROUNDS, HANDSHAKES, CONCURRENCY,
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    System.out.println("| server | CPU µs per upgrade | ratio | bytes allocated per upgrade | ratio | upgrades/s |");
    System.out.println("|---|---|---|---|---|---|");
    double baseCpu = median(costs[0], Cost::cpuMicros);
    double baseBytes = median(costs[0], Cost::bytes);
    for (int s = 0; s < servers.size(); s++) {
      double cpu = median(costs[s], Cost::cpuMicros);
      double bytes = median(costs[s], Cost::bytes);
      System.out.printf(Locale.ROOT, "| %s | %,.1f (%s) | %.2fx | %,.0f (%s) | %.2fx | %,.0f (%s) |%n",
          servers.get(s).name(), cpu, range(costs[s], Cost::cpuMicros, "%,.1f"), cpu / baseCpu, bytes,
          range(costs[s], Cost::bytes, "%,.0f"), bytes / baseBytes, median(costs[s], Cost::rate),
          range(costs[s], Cost::rate, "%,.0f"));
    }
  }

  private static String range(Cost[] costs, ToDoubleFunction<Cost> figure, String format) {
    double[] values = Arrays.stream(costs).mapToDouble(figure).toArray();
    return String.format(Locale.ROOT, format, Medians.min(values)) + "-"
        + String.format(Locale.ROOT, format, Medians.max(values));
  }

  private static double median(Cost[] costs, ToDoubleFunction<Cost> figure) {
    return Medians.median(Arrays.stream(costs).mapToDouble(figure).toArray());
  }
}
