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
 * Vert.x. Then the journal events per upgrade and what journal and analytics allocate per event, and the live objects
 * and bytes per held connection ({@code -Dheld}, class histograms, {@link HeapHistogram}). Figures only, never
 * asserted. Not part of {@code verify}:
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
  private static final int HELD = Integer.getInteger("held", 1000);
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
      printJournal(servers, costs);
      printHeld(load, servers);
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

  /** Journal events per upgrade, and what journal + analytics add per upgrade and per event over journal off. */
  private static void printJournal(List<BenchServer> servers, Cost[][] costs) {
    int on = indexOf(servers, "healthy");
    int off = indexOf(servers, "off");
    if (on < 0 || wschaos(servers.get(on)).journal().overflow() > 0) {
      return;
    }
    double events = wschaos(servers.get(on)).journal().size() / (double) ((3 + ROUNDS) * HANDSHAKES);
    System.out.printf(Locale.ROOT, "journal events per upgrade: %.2f", events);
    if (off >= 0) {
      double added = median(costs[on], Cost::bytes) - median(costs[off], Cost::bytes);
      System.out.printf(Locale.ROOT, "; journal + analytics allocate %,.0f bytes per upgrade over journal off, "
          + "%,.0f per journal event", added, added / events);
    }
    System.out.println();
  }

  /** Live objects and bytes per held connection (class histograms, a full GC each), with the classes that grew most. */
  private static void printHeld(LoadClientProcess load, List<BenchServer> servers) throws IOException {
    if (HELD <= 0) {
      return;
    }
    System.out.printf(Locale.ROOT, "%n%d connections held, live objects per connection (class histogram after a full "
        + "GC, with them held minus before):%n", HELD);
    System.out.println("| server | objects per held connection | bytes per held connection | ratio | most bytes |");
    System.out.println("|---|---|---|---|---|");
    double base = 0;
    for (BenchServer s : servers) {
      HeapHistogram before = HeapHistogram.take();
      int held = (int) load.askNumber("hold " + s.port() + " " + HELD, 0);
      HeapHistogram grown = HeapHistogram.take().minus(before);
      load.ask("release");
      HeapHistogram.Count per = grown.total().per(held);
      base = base == 0 ? per.bytes() : base;
      System.out.printf(Locale.ROOT, "| %s | %.1f | %,.0f | %.2fx | %s |%n", s.name(), per.instances(), per.bytes(),
          per.bytes() / base, grown.top(6, held));
    }
  }

  private static int indexOf(List<BenchServer> servers, String namePart) {
    for (int i = 0; i < servers.size(); i++) {
      if (servers.get(i).name().contains(namePart) && servers.get(i).stop() instanceof WsChaosServer) {
        return i;
      }
    }
    return -1;
  }

  private static WsChaosServer wschaos(BenchServer server) {
    return (WsChaosServer) server.stop();
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
