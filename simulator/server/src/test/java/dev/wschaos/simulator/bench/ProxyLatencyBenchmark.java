package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Upstream;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Echo round-trip latency through wschaos in proxy mode against the same echo server reached directly: one
 * connection, one message in flight, on loopback, rounds alternating which path goes first. Prints p50/p99 per path,
 * the ratio and the added p50; asserts nothing. Not part of {@code verify}:
 * {@code ./mvnw -B -q -pl simulator/server -am test -Dtest=ProxyLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false},
 * then read {@code simulator/server/target/surefire-reports/dev.wschaos.simulator.bench.ProxyLatencyBenchmark-output.txt}.
 */
class ProxyLatencyBenchmark {

  private static final int ROUND_TRIPS = Integer.getInteger("roundTrips", 20_000);
  private static final int ROUNDS = Integer.getInteger("rounds", 5);

  @Test
  void proxiedAgainstDirectEcho() throws Exception {
    Vertx upstreamVertx = Vertx.vertx();
    Vertx clientVertx = Vertx.vertx();
    HttpServer echo = upstreamVertx.createHttpServer()
        .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    WebSocketClient client = clientVertx.createWebSocketClient();
    Plan plan = Plan.named("proxy-bench").withUpstream(Upstream.to("ws://127.0.0.1:" + echo.actualPort()));
    try (WsChaosServer proxy = WsChaosServer.builder().plan(plan).journalSize(0).analytics(false).start()) {
      int[] ports = {echo.actualPort(), proxy.port()};
      String[] names = {"direct", "through wschaos"};
      for (int port : ports) {
        roundTrips(client, port, ROUND_TRIPS / 4);
      }
      long[][] p50 = new long[2][ROUNDS];
      long[][] p99 = new long[2][ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < 2; i++) {
          int s = (round + i) % 2;
          long[] nanos = roundTrips(client, ports[s], ROUND_TRIPS);
          Arrays.sort(nanos);
          p50[s][round] = nanos[nanos.length / 2];
          p99[s][round] = nanos[(int) (nanos.length * 0.99)];
        }
      }
      System.out.printf(Locale.ROOT, "%d rounds x %d echo round trips, one connection, 16-byte text, loopback, "
          + "journal and analytics off%n", ROUNDS, ROUND_TRIPS);
      for (int s = 0; s < 2; s++) {
        System.out.printf(Locale.ROOT, "  %-16s p50 %6.1f us  p99 %6.1f us  (median over rounds)%n", names[s],
            median(p50[s]) / 1e3, median(p99[s]) / 1e3);
      }
      System.out.printf(Locale.ROOT, "  p50 ratio %.2f, added p50 %.1f us%n", median(p50[1]) / (double) median(p50[0]),
          (median(p50[1]) - median(p50[0])) / 1e3);
    } finally {
      clientVertx.close().await(10, TimeUnit.SECONDS);
      upstreamVertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static long[] roundTrips(WebSocketClient client, int port, int count) throws Exception {
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/bench")
        .setAllowOriginHeader(false)).await(10, TimeUnit.SECONDS);
    long[] nanos = new long[count];
    long[] sentAt = {0};
    int[] done = {0};
    Promise<Void> finished = Promise.promise();
    ws.textMessageHandler(text -> {
      nanos[done[0]++] = System.nanoTime() - sentAt[0];
      if (done[0] == count) {
        finished.complete();
      } else {
        sentAt[0] = System.nanoTime();
        ws.writeTextMessage("0123456789abcdef");
      }
    });
    sentAt[0] = System.nanoTime();
    ws.writeTextMessage("0123456789abcdef");
    finished.future().await(120, TimeUnit.SECONDS);
    ws.close().await(10, TimeUnit.SECONDS);
    return nanos;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
