package dev.wschaos.simulator.bench;

import static dev.wschaos.simulator.bench.Medians.median;

import dev.wschaos.simulator.WsChaosServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * wschaos against plain Vert.x, measured in one run by a load client in a process of its own ({@link LoadClient}):
 * echo throughput, round-trip time percentiles, handshakes per second and heap per held connection (after a full GC
 * of this JVM, which runs every server). Servers: plain Vert.x echo with 1 and N event loops, wschaos healthy with 1
 * and N loops, wschaos with 50 rules that never match, wschaos with journal and analytics off (N loops). Rounds are
 * interleaved, each starting with another server; prints medians, ranges and ratios to the plain server with the
 * same number of loops. Figures only, never asserted. {@code -Donly=TEXT} keeps the servers whose name has TEXT (for
 * a profiler run). Not part of {@code verify}:
 *
 * <pre>{@code
 * ./mvnw -B -ntp -pl simulator/server -am test -Dtest=ServerComparisonBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dorg.slf4j.simpleLogger.log.dev.wschaos=info -Drounds=3 -Dloops=2
 * }</pre>
 */
class ServerComparisonBenchmark {

  private static final int ROUNDS = Integer.getInteger("rounds", 3);
  private static final int LOOPS = Integer.getInteger("loops", Runtime.getRuntime().availableProcessors());
  private static final int CONNECTIONS = Integer.getInteger("connections", 50);
  private static final int MESSAGES = Integer.getInteger("messages", 400);
  private static final int RTT_MESSAGES = Integer.getInteger("rttMessages", 2000);
  private static final int HANDSHAKES = Integer.getInteger("handshakes", 1000);
  private static final int CONCURRENCY = Integer.getInteger("concurrency", 20);
  private static final int HELD = Integer.getInteger("held", 1000);
  private static final String ONLY = System.getProperty("only", "");

  /** Per server, in the order below: the plain server with the same number of event loops, its ratios' base. */
  private static final int[] BASELINES = {0, 1, 0, 1, 1, 1};

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void wschaosAgainstPlainVertxWithALoadClientOfItsOwn() throws Exception {
    List<BenchServer> servers = List.of();
    try (LoadClientProcess load = LoadClientProcess.start()) {
      servers = BenchServer.only(ONLY, List.of(
          BenchServer.plainEcho("plain Vert.x, 1 loop", 1),
          BenchServer.plainEcho("plain Vert.x, " + LOOPS + " loops", LOOPS),
          BenchServer.wschaos("wschaos healthy, 1 loop", WsChaosServer.builder().eventLoops(1)),
          BenchServer.wschaos("wschaos healthy, " + LOOPS + " loops", WsChaosServer.builder().eventLoops(LOOPS)),
          BenchServer.wschaos("wschaos 50 non-matching rules",
              WsChaosServer.builder().eventLoops(LOOPS).plan(BenchServer.fiftyRulesThatNeverMatch())),
          BenchServer.wschaos("wschaos journal+analytics off",
              WsChaosServer.builder().eventLoops(LOOPS).journalSize(0).analytics(false))));
      Map<String, double[][]> figures = new LinkedHashMap<>();
      for (String metric : List.of("echo round trips/s", "RTT p50 µs", "RTT p99 µs", "handshakes/s",
          "heap per held connection KiB")) {
        figures.put(metric, new double[servers.size()][ROUNDS]);
      }
      for (BenchServer s : servers) { // warm-up, not counted
        load.ask("echo " + s.port() + " " + CONNECTIONS + " " + MESSAGES / 4);
        load.ask("handshakes " + s.port() + " " + CONCURRENCY + " " + HANDSHAKES / 4);
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < servers.size(); i++) {
          int index = (round + i) % servers.size();
          BenchServer s = servers.get(index);
          figures.get("echo round trips/s")[index][round] =
              load.askNumber("echo " + s.port() + " " + CONNECTIONS + " " + MESSAGES, 0);
          String rtt = load.ask("rtt " + s.port() + " " + RTT_MESSAGES);
          figures.get("RTT p50 µs")[index][round] = LoadClientProcess.number(rtt, 0);
          figures.get("RTT p99 µs")[index][round] = LoadClientProcess.number(rtt, 1);
          figures.get("handshakes/s")[index][round] =
              load.askNumber("handshakes " + s.port() + " " + CONCURRENCY + " " + HANDSHAKES, 0);
          figures.get("heap per held connection KiB")[index][round] = heapPerConnection(load, s) / 1024.0;
        }
      }
      print(servers, figures);
    } finally {
      BenchServer.stopAll(servers);
    }
  }

  private static double heapPerConnection(LoadClientProcess load, BenchServer s) throws IOException {
    long before = heapAfterGc();
    int held = (int) load.askNumber("hold " + s.port() + " " + HELD, 0);
    long during = heapAfterGc();
    load.ask("release");
    return (during - before) / (double) held;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void print(List<BenchServer> servers, Map<String, double[][]> figures) {
    System.out.printf(Locale.ROOT, "%d rounds interleaved, load client in its own JVM; echo %d connections x %d round "
        + "trips; RTT over 1 connection x %d; %d handshakes %d at a time; %d held connections; %d cores, N = %d loops%n",
        ROUNDS, CONNECTIONS, MESSAGES, RTT_MESSAGES, HANDSHAKES, CONCURRENCY, HELD,
        Runtime.getRuntime().availableProcessors(), LOOPS);
    StringBuilder header = new StringBuilder("| server |");
    StringBuilder rule = new StringBuilder("|---|");
    figures.keySet().forEach(metric -> {
      header.append(' ').append(metric).append(" |");
      rule.append("---|");
    });
    System.out.println(header);
    System.out.println(rule);
    for (int s = 0; s < servers.size(); s++) {
      StringBuilder row = new StringBuilder("| " + servers.get(s).name() + " |");
      for (double[][] values : figures.values()) {
        double median = median(values[s]);
        double base = ONLY.isEmpty() ? median(values[BASELINES[s]]) : median;
        row.append(String.format(Locale.ROOT, " %,.1f (%,.1f-%,.1f) %.2fx |", median, Medians.min(values[s]),
            Medians.max(values[s]), median / base));
      }
      System.out.println(row);
    }
  }
}
