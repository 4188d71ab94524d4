package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.connection.HalfOpenFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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

  private record Server(String name, int port, AutoCloseable stop, WsChaosServer wschaos) {}

  private record Cost(double cpuMicros, double bytes, double rate) {}

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void cpuAndAllocationPerUpgrade() throws Exception {
    List<Server> servers = new ArrayList<>();
    Process process = startLoadClient();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
         PrintWriter in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
             true)) {
      servers.add(plain());
      servers.add(wschaos("wschaos healthy (journal + analytics)", WsChaosServer.builder().eventLoops(1)));
      servers.add(wschaos("wschaos journal+analytics off",
          WsChaosServer.builder().eventLoops(1).journalSize(0).analytics(false)));
      servers.add(wschaos("wschaos 50 non-matching rules",
          WsChaosServer.builder().eventLoops(1).plan(fiftyRulesThatNeverMatch())));
      for (Server s : List.copyOf(servers)) {
        if (!s.name().contains(ONLY)) {
          servers.remove(s);
          s.stop().close();
        }
      }
      for (Server s : servers) { // warm-up: JIT and the servers' first-use work, not counted
        for (int i = 0; i < 3; i++) {
          batch(in, out, s);
        }
      }
      Cost[][] costs = new Cost[servers.size()][ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < servers.size(); i++) {
          int index = (round + i) % servers.size();
          costs[index][round] = batch(in, out, servers.get(index));
        }
      }
      print(servers, costs);
      printJournal(servers, costs);
      printHeld(in, out, servers);
      in.println("quit");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
      for (Server s : servers) {
        s.stop().close();
      }
    }
  }

  private static Cost batch(PrintWriter in, BufferedReader out, Server s) throws IOException {
    long[] ids = THREADS.getAllThreadIds();
    long[] cpuBefore = THREADS.getThreadCpuTime(ids);
    long[] bytesBefore = THREADS.getThreadAllocatedBytes(ids);
    double rate = Double.parseDouble(ask(in, out, "handshakes " + s.port() + " " + CONCURRENCY + " " + HANDSHAKES));
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

  private static void print(List<Server> servers, Cost[][] costs) {
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
  private static void printJournal(List<Server> servers, Cost[][] costs) {
    int on = indexOf(servers, "healthy");
    int off = indexOf(servers, "off");
    if (on < 0 || servers.get(on).wschaos().journal().overflow() > 0) {
      return;
    }
    double events = servers.get(on).wschaos().journal().size() / (double) ((3 + ROUNDS) * HANDSHAKES);
    System.out.printf(Locale.ROOT, "journal events per upgrade: %.2f", events);
    if (off >= 0) {
      double added = median(costs[on], Cost::bytes) - median(costs[off], Cost::bytes);
      System.out.printf(Locale.ROOT, "; journal + analytics allocate %,.0f bytes per upgrade over journal off, "
          + "%,.0f per journal event", added, added / events);
    }
    System.out.println();
  }

  /** Live objects and bytes per held connection (class histograms, a full GC each), with the classes that grew most. */
  private static void printHeld(PrintWriter in, BufferedReader out, List<Server> servers) throws IOException {
    if (HELD <= 0) {
      return;
    }
    System.out.printf(Locale.ROOT, "%n%d connections held, live objects per connection (class histogram after a full "
        + "GC, with them held minus before):%n", HELD);
    System.out.println("| server | objects per held connection | bytes per held connection | ratio | most bytes |");
    System.out.println("|---|---|---|---|---|");
    double base = 0;
    for (Server s : servers) {
      HeapHistogram before = HeapHistogram.take();
      int held = Integer.parseInt(ask(in, out, "hold " + s.port() + " " + HELD).split(" ")[0]);
      HeapHistogram grown = HeapHistogram.take().minus(before);
      ask(in, out, "release");
      HeapHistogram.Count per = grown.total().per(held);
      base = base == 0 ? per.bytes() : base;
      System.out.printf(Locale.ROOT, "| %s | %.1f | %,.0f | %.2fx | %s |%n", s.name(), per.instances(), per.bytes(),
          per.bytes() / base, grown.top(6, held));
    }
  }

  private static int indexOf(List<Server> servers, String namePart) {
    for (int i = 0; i < servers.size(); i++) {
      if (servers.get(i).name().contains(namePart) && servers.get(i).wschaos() != null) {
        return i;
      }
    }
    return -1;
  }

  private static String range(Cost[] costs, java.util.function.ToDoubleFunction<Cost> figure, String format) {
    double[] sorted = Arrays.stream(costs).mapToDouble(figure).sorted().toArray();
    return String.format(Locale.ROOT, format, sorted[0]) + "-"
        + String.format(Locale.ROOT, format, sorted[sorted.length - 1]);
  }

  private static double median(Cost[] costs, java.util.function.ToDoubleFunction<Cost> figure) {
    double[] sorted = Arrays.stream(costs).mapToDouble(figure).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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

  private static Plan fiftyRulesThatNeverMatch() {
    Plan plan = Plan.named("fifty-unmatched");
    for (int i = 0; i < 50; i++) {
      plan = plan.withRule(Rule.of(Match.ANY.withPath("/never-" + i), HalfOpenFault.forever()));
    }
    return plan;
  }

  private static Server wschaos(String name, WsChaosServer.Builder builder) {
    WsChaosServer server = builder.start();
    return new Server(name, server.port(), server, server);
  }

  /** A bare Vert.x echo server on one event loop: the baseline. */
  private static Server plain() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    int[] port = new int[1];
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.createHttpServer()
            .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
            .listen(0, "127.0.0.1").onSuccess(server -> port[0] = server.actualPort());
      }
    }).await(20, TimeUnit.SECONDS);
    return new Server("plain Vert.x echo", port[0], () -> vertx.close().await(10, TimeUnit.SECONDS), null);
  }
}
