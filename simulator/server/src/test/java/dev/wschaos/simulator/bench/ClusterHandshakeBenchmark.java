package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.cluster.ClusterSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a clustered upgrade costs over a local one: the same healthy plan on a simulator alone and on a node of a
 * two-node cluster (its attempt count is a Hazelcast entry, on the other node for about half the client ids). Each
 * round measures, on both, the latency of one upgrade at a time and the rate with {@link #LANES} at a time, each
 * upgrade a new client id; rounds alternate who goes first. Not part of {@code verify}:
 * {@code ./mvnw -B -ntp -pl simulator/server -am test -Dtest=ClusterHandshakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false},
 * then read {@code simulator/server/target/surefire-reports/dev.wschaos.simulator.bench.ClusterHandshakeBenchmark-output.txt}.
 */
class ClusterHandshakeBenchmark {

  private static final int HANDSHAKES = Integer.getInteger("handshakes", 1000);
  private static final int LANES = Integer.getInteger("lanes", 20);
  private static final int ROUNDS = Integer.getInteger("rounds", 3);

  @Test
  void clusteredUpgradeAgainstALocalOne() throws Exception {
    int base = ThreadLocalRandom.current().nextInt(20_000, 30_000);
    ClusterSettings cluster = ClusterSettings.loopback().name("bench-" + UUID.randomUUID()).ports(base, 2);
    Vertx clientVertx = Vertx.vertx();
    WebSocketClient client = clientVertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1000));
    try (WsChaosServer local = WsChaosServer.builder().start();
         WsChaosServer nodeA = WsChaosServer.builder().cluster(cluster).start();
         WsChaosServer nodeB = WsChaosServer.builder().cluster(cluster).start()) {
      int[] ports = {local.port(), nodeA.port()};
      String[] names = {"alone", "cluster node (2 nodes)"};
      for (int port : ports) {
        rate(client, port, HANDSHAKES / 4);
      }
      double[][] p50 = new double[2][ROUNDS];
      double[][] p99 = new double[2][ROUNDS];
      double[][] perSecond = new double[2][ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < 2; i++) {
          int s = (round + i) % 2;
          double[] latencies = latencies(client, ports[s], HANDSHAKES / 2);
          p50[s][round] = percentile(latencies, 0.50);
          p99[s][round] = percentile(latencies, 0.99);
          perSecond[s][round] = rate(client, ports[s], HANDSHAKES);
        }
      }
      System.out.printf(Locale.ROOT, "%d rounds, %d cores, load average %.1f; medians over rounds%n", ROUNDS,
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      for (int s = 0; s < 2; s++) {
        System.out.printf(Locale.ROOT, "  %-24s upgrade p50 %6.0f us  p99 %6.0f us  %7.0f upgrades/s (%d at a time)%n",
            names[s], median(p50[s]), median(p99[s]), median(perSecond[s]), LANES);
      }
      System.out.printf(Locale.ROOT, "  cluster / alone: p50 +%.0f us, rate x%.2f%n", median(p50[1]) - median(p50[0]),
          median(perSecond[1]) / median(perSecond[0]));
    } finally {
      clientVertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** One upgrade (and close) at a time; each one's time to the 101, in microseconds. */
  private static double[] latencies(WebSocketClient client, int port, int count) throws Exception {
    double[] micros = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      WebSocket ws = client.connect(options(port)).await(10, TimeUnit.SECONDS);
      micros[i] = (System.nanoTime() - start) / 1e3;
      ws.close().await(10, TimeUnit.SECONDS);
    }
    return micros;
  }

  private static double rate(WebSocketClient client, int port, int count) throws Exception {
    AtomicInteger started = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    long start = System.nanoTime();
    for (int lane = 0; lane < LANES; lane++) {
      lanes.add(lane(client, port, started, count));
    }
    Future.all(lanes).await(120, TimeUnit.SECONDS);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static Future<Void> lane(WebSocketClient client, int port, AtomicInteger started, int count) {
    if (started.getAndIncrement() >= count) {
      return Future.succeededFuture();
    }
    return client.connect(options(port)).compose(WebSocket::close).compose(v -> lane(client, port, started, count));
  }

  private static WebSocketConnectOptions options(int port) {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/?clientId=" + UUID.randomUUID()).setAllowOriginHeader(false);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
  }

  private static double median(double[] values) {
    return percentile(values, 0.5);
  }
}
