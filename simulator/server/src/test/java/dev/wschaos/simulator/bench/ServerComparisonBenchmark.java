package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.connection.HalfOpenFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

  private record Server(String name, int port, int baseline, AutoCloseable stop) {}

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void wschaosAgainstPlainVertxWithALoadClientOfItsOwn() throws Exception {
    List<Server> servers = new ArrayList<>();
    Process process = startLoadClient();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
         PrintWriter in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
             true)) {
      servers.add(plain("plain Vert.x, 1 loop", 1, 0));
      servers.add(plain("plain Vert.x, " + LOOPS + " loops", LOOPS, 1));
      servers.add(wschaos("wschaos healthy, 1 loop", 0, WsChaosServer.builder().eventLoops(1)));
      servers.add(wschaos("wschaos healthy, " + LOOPS + " loops", 1, WsChaosServer.builder().eventLoops(LOOPS)));
      servers.add(wschaos("wschaos 50 non-matching rules", 1,
          WsChaosServer.builder().eventLoops(LOOPS).plan(fiftyRulesThatNeverMatch())));
      servers.add(wschaos("wschaos journal+analytics off", 1,
          WsChaosServer.builder().eventLoops(LOOPS).journalSize(0).analytics(false)));

      for (Server s : List.copyOf(servers)) {
        if (!s.name().contains(ONLY)) {
          servers.remove(s);
          s.stop().close();
        }
      }
      Map<String, double[][]> figures = new LinkedHashMap<>();
      for (String metric : List.of("echo round trips/s", "RTT p50 µs", "RTT p99 µs", "handshakes/s",
          "heap per held connection KiB")) {
        figures.put(metric, new double[servers.size()][ROUNDS]);
      }
      for (Server s : servers) { // warm-up, not counted
        ask(in, out, "echo " + s.port() + " " + CONNECTIONS + " " + MESSAGES / 4);
        ask(in, out, "handshakes " + s.port() + " " + CONCURRENCY + " " + HANDSHAKES / 4);
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < servers.size(); i++) {
          int index = (round + i) % servers.size();
          Server s = servers.get(index);
          figures.get("echo round trips/s")[index][round] =
              number(ask(in, out, "echo " + s.port() + " " + CONNECTIONS + " " + MESSAGES), 0);
          String rtt = ask(in, out, "rtt " + s.port() + " " + RTT_MESSAGES);
          figures.get("RTT p50 µs")[index][round] = number(rtt, 0);
          figures.get("RTT p99 µs")[index][round] = number(rtt, 1);
          figures.get("handshakes/s")[index][round] =
              number(ask(in, out, "handshakes " + s.port() + " " + CONCURRENCY + " " + HANDSHAKES), 0);
          figures.get("heap per held connection KiB")[index][round] = heapPerConnection(in, out, s) / 1024.0;
        }
      }
      print(servers, figures);
      in.println("quit");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      for (Server s : servers) {
        s.stop().close();
      }
    }
  }

  private static Process startLoadClient() throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        LoadClient.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String ask(PrintWriter in, BufferedReader out, String command) throws IOException {
    in.println(command);
    String answer = out.readLine();
    if (answer == null || !answer.startsWith("ok ")) {
      throw new IllegalStateException("load client: " + command + " -> " + answer);
    }
    return answer.substring(3);
  }

  private static double number(String answer, int index) {
    return Double.parseDouble(answer.split(" ")[index]);
  }

  private static double heapPerConnection(PrintWriter in, BufferedReader out, Server s) throws IOException {
    long before = heapAfterGc();
    int held = (int) number(ask(in, out, "hold " + s.port() + " " + HELD), 0);
    long during = heapAfterGc();
    ask(in, out, "release");
    return (during - before) / (double) held;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static Plan fiftyRulesThatNeverMatch() {
    Plan plan = Plan.named("fifty-unmatched");
    for (int i = 0; i < 50; i++) {
      plan = plan.withRule(Rule.of(Match.ANY.withPath("/never-" + i), HalfOpenFault.forever()));
    }
    return plan;
  }

  private static Server wschaos(String name, int baseline, WsChaosServer.Builder builder) {
    WsChaosServer server = builder.start();
    return new Server(name, server.port(), baseline, server);
  }

  /** A bare Vert.x echo server: {@code loops} instances of one verticle sharing a port, as Vert.x apps scale. */
  private static Server plain(String name, int loops, int baseline) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(loops, 1)));
    int port = freePort();
    vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.createHttpServer()
            .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
            .listen(port, "127.0.0.1");
      }
    }, new DeploymentOptions().setInstances(loops)).await(20, TimeUnit.SECONDS);
    return new Server(name, port, baseline, () -> vertx.close().await(10, TimeUnit.SECONDS));
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void print(List<Server> servers, Map<String, double[][]> figures) {
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
        double base = ONLY.isEmpty() ? median(values[servers.get(s).baseline()]) : median;
        double[] sorted = values[s].clone();
        Arrays.sort(sorted);
        row.append(String.format(Locale.ROOT, " %,.1f (%,.1f-%,.1f) %.2fx |", median, sorted[0],
            sorted[sorted.length - 1], median / base));
      }
      System.out.println(row);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
