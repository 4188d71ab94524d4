package dev.wschaos.simulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Plan;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The network fuzzer: mutated upgrade requests and frame streams ({@link WireMutator}, seeded from the committed
 * corpora) sent over real sockets to an embedded simulator by {@code -Dthreads} blocking clients, each input on its
 * own connection, until {@code -Dinputs} inputs or {@code -Dduration} have passed. Beside it a healthy JDK client is
 * echoed every 100 ms throughout. It counts every answer (statuses, close codes, silent ends), findings (an answer
 * that is not a clear refusal, see {@link WireProbe}), connections the server never ends, unhandled exceptions on
 * Vert.x threads, and Vert.x blocked-thread warnings (an event loop blocked longer than {@code -DblockedMs}), and
 * compares open file descriptors before and after. It fails on any of them. Not part of the default run:
 * <pre>{@code
 * ./mvnw -B -ntp -pl simulator/server -am test -Dtest=NetworkFuzzBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dinputs=1000000 -Dduration=300s -Dthreads=16 -DblockedMs=2000
 * }</pre>
 * Output: {@code simulator/server/target/surefire-reports/dev.wschaos.simulator.fuzz.NetworkFuzzBenchmark-output.txt};
 * the first findings' inputs go to {@code simulator/server/target/network-fuzz-findings/}.
 */
class NetworkFuzzBenchmark {

  static {
    System.setProperty("org.slf4j.simpleLogger.log.dev.wschaos", System.getProperty("log", "warn"));
  }

  private static final long INPUTS = Long.getLong("inputs", 1_000_000);
  private static final Duration DURATION = Duration.parse("PT" + System.getProperty("duration", "300s"));
  private static final int THREADS = Integer.getInteger("threads", 16);
  private static final long BLOCKED_MS = Long.getLong("blockedMs", 2000);
  private static final long SEED = Long.getLong("seed", 1);
  private static final int FD_SLACK = 32;
  private static final int KEPT_FINDINGS = 20;

  private final LongAdder sent = new LongAdder();
  private final LongAdder hung = new LongAdder();
  private final LongAdder findings = new LongAdder();
  private final LongAdder harnessErrors = new LongAdder();
  private final AtomicLong unhandled = new AtomicLong();
  private final AtomicLong blocked = new AtomicLong();
  private final AtomicLong longestBlockMs = new AtomicLong();
  private final Map<String, LongAdder[]> answers = new ConcurrentHashMap<>();

  @Test
  void everyInputIsServedOrRefusedAndNothingHangsOrLeaks() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(50)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS).setMaxEventLoopExecuteTime(BLOCKED_MS)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
      if (event.thread().getName().contains("eventloop")) {
        blocked.incrementAndGet();
        longestBlockMs.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(event.duration()), Math::max);
        StringBuilder where = new StringBuilder();
        StackTraceElement[] stack = event.thread().getStackTrace();
        for (int i = 0; i < Math.min(8, stack.length); i++) {
          where.append("\n    at ").append(stack[i]);
        }
        System.out.println("blocked: " + event + where);
      }
    });
    vertx.exceptionHandler(e -> {
      unhandled.incrementAndGet();
      e.printStackTrace(System.out);
    });
    WsChaosServer server = WsChaosServer.builder().vertx(vertx)
        .plan(Plan.healthy().withHandshake(HandshakePolicy.DEFAULT.withAllowedOrigins(List.of("https://*.example"))))
        .limits(FuzzedServer.LIMITS).closeTimeout(Duration.ofSeconds(1)).start();
    InetSocketAddress address = new InetSocketAddress(server.host(), server.port());
    byte[] validHead = ("GET /fuzz HTTP/1.1\r\nHost: " + server.host() + ":" + server.port()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    List<byte[]> heads = WireMutator.corpus("HandshakeFuzzTestInputs/upgradeRequest");
    List<byte[]> frames = WireMutator.corpus("FrameFuzzTestInputs/clientFrames");
    Path findingsDir = Path.of("target", "network-fuzz-findings");

    HealthyEcho healthy = HealthyEcho.start(server.wsUrl("/healthy"));
    System.gc();
    long heapBefore = heapUsed();
    int fdBefore = openDescriptors();
    long start = System.nanoTime();
    long deadline = start + DURATION.toNanos();
    ExecutorService workers = Executors.newFixedThreadPool(THREADS);
    AtomicLong next = new AtomicLong();
    for (int t = 0; t < THREADS; t++) {
      long seed = SEED * 1_000_003 + t;
      workers.submit(() -> {
        WireMutator mutator = new WireMutator(seed, heads, frames);
        SplittableRandom coin = new SplittableRandom(~seed);
        while (System.nanoTime() < deadline && next.getAndIncrement() < INPUTS) {
          boolean headOnly = coin.nextInt(5) < 2;
          byte[] head = headOnly ? mutator.upgradeHead() : validHead;
          byte[] rest = headOnly ? new byte[0] : mutator.frameStream();
          try {
            run(address, head, rest, headOnly, findingsDir);
          } catch (RuntimeException e) {
            harnessErrors.increment();
            e.printStackTrace(System.out);
          }
        }
        return null;
      });
    }
    workers.shutdown();
    workers.awaitTermination(DURATION.toSeconds() + 120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    HealthyEcho.Figures echo = healthy.stop();

    await("the server's connections and descriptors back to where they were").atMost(Duration.ofSeconds(60))
        .until(() -> server.openConnections() <= 1 && openDescriptors() <= fdBefore + FD_SLACK);
    int fdAfter = openDescriptors();
    healthy.close();
    System.gc();
    long heapAfter = heapUsed();
    boolean listening = server.listening();
    server.close();
    vertx.close().await(30, TimeUnit.SECONDS);

    System.out.printf("network fuzzer: %,d inputs in %.1f s (%,.0f inputs/s), %d threads, seed %d%n", sent.sum(),
        seconds, sent.sum() / seconds, THREADS, SEED);
    System.out.printf("  %-28s %12s %10s%n", "answer", "inputs", "mean ms");
    new TreeMap<>(answers).forEach((kind, n) -> System.out.printf("  %-28s %,12d %10.1f%n", kind, n[0].sum(),
        n[1].sum() / 1e6 / Math.max(1, n[0].sum())));
    System.out.printf("  findings %,d, hung %,d, unhandled exceptions %,d, fuzzer errors %,d%n", findings.sum(),
        hung.sum(), unhandled.get(), harnessErrors.sum());
    System.out.printf("  event loop blocked > %d ms: %d warnings (longest %d ms)%n", BLOCKED_MS, blocked.get(),
        longestBlockMs.get());
    System.out.printf("  healthy client: %,d echoes, %d missed, slowest %d ms, %s%n", echo.echoes(), echo.missed(),
        echo.slowestMs(), echo.problem() == null ? "served throughout" : echo.problem());
    System.out.printf("  open descriptors %d before, %d after; heap after GC %.1f MB before, %.1f MB after%n",
        fdBefore, fdAfter, heapBefore / 1e6, heapAfter / 1e6);

    assertThat(findings.sum()).as("findings (inputs in %s)", findingsDir).isZero();
    assertThat(harnessErrors.sum()).as("errors of the fuzzer itself").isZero();
    assertThat(hung.sum()).as("connections the server never ended").isZero();
    assertThat(unhandled.get()).as("unhandled exceptions on Vert.x threads").isZero();
    assertThat(blocked.get()).as("event loop blocked longer than %d ms", BLOCKED_MS).isZero();
    assertThat(echo.problem()).as("the healthy client").isNull();
    assertThat(listening).as("still listening").isTrue();
    assertThat(fdAfter).as("open descriptors after").isLessThanOrEqualTo(fdBefore + FD_SLACK);
  }

  private void run(InetSocketAddress address, byte[] head, byte[] rest, boolean headOnly, Path findingsDir) {
    WireProbe.Outcome outcome;
    long began = System.nanoTime();
    try {
      outcome = WireProbe.send(address, head, rest, FuzzedServer.TIMEOUT_MS);
    } catch (IOException e) {
      count("client error " + e.getClass().getSimpleName(), System.nanoTime() - began);
      return;
    } finally {
      sent.increment();
    }
    String finding = headOnly ? outcome.headFinding(head)
        : outcome.upgraded() ? outcome.finding(WireProbe.allowedCloses(rest))
        : "the valid upgrade was not upgraded: " + outcome.head();
    count(outcome.status() == 0 ? "no answer, " + outcome.end()
        : outcome.upgraded() ? "101, close " + (outcome.closeCodes().isEmpty() ? "none" : outcome.closeCodes().get(0))
        : "refused " + outcome.status(), System.nanoTime() - began);
    if (outcome.end() == WireProbe.End.HUNG) {
      hung.increment();
    }
    if (finding != null) {
      findings.increment();
      keep(findingsDir, finding, head, rest);
    }
  }

  private void count(String kind, long nanos) {
    answers.computeIfAbsent(kind, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
    answers.get(kind)[0].increment();
    answers.get(kind)[1].add(nanos);
  }

  private void keep(Path dir, String finding, byte[] head, byte[] rest) {
    long n = findings.sum();
    System.out.println("finding " + n + ": " + finding + "\n  head " + HandshakeFuzzTest.printable(head)
        + "\n  frames " + HandshakeFuzzTest.printable(rest));
    if (n > KEPT_FINDINGS) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve("finding-" + n + "-head"), head);
      Files.write(dir.resolve("finding-" + n + "-frames"), rest);
    } catch (IOException e) {
      System.out.println("could not keep finding " + n + ": " + e);
    }
  }

  private static int openDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
