package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.Simulators;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A fleet of real clients, a rolling restart (every connection closed with 1012 spread over 2 s), and clients that
 * wait a random delay before reconnecting: the server's recovery percentiles must match the clients' own records.
 */
class FleetRecoveryAcceptanceTest {

  private static final int CLIENTS = 300;
  private static final long TOLERANCE_MS = 250;

  @Test
  void recoveryPercentilesAfterASpreadCloseMatchTheClientsOwnRecords() throws Exception {
    Vertx vertx = Vertx.vertx();
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(CLIENTS * 2));
    Random random = new Random(1012);
    ConcurrentLinkedQueue<Long> backAtNanos = new ConcurrentLinkedQueue<>();
    AtomicInteger closes1012 = new AtomicInteger();
    CountDownLatch connected = new CountDownLatch(CLIENTS);
    CountDownLatch reconnected = new CountDownLatch(CLIENTS);
    try (WsChaosServer server = Simulators.start(Plan.healthy())) {
      for (int i = 0; i < CLIENTS; i++) {
        String id = "fleet-" + i;
        long delayMs = 50 + random.nextInt(1500);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(server.host()).setPort(server.port())
            .setURI("/?clientId=" + id).setAllowOriginHeader(false);
        client.connect(options).onSuccess(ws -> {
          connected.countDown();
          ws.closeHandler(v -> {
            if (Short.valueOf((short) 1012).equals(ws.closeStatusCode())) {
              closes1012.incrementAndGet();
            }
            vertx.setTimer(delayMs, t -> client.connect(options).onSuccess(again -> {
              backAtNanos.add(System.nanoTime());
              reconnected.countDown();
            }));
          });
        });
      }
      assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
      // a client has its 101 a moment before the server has registered the connection
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == CLIENTS);

      long eventNanos = System.nanoTime();
      server.act(CloseAction.all(1012, "rolling restart").spreadOver(Duration.ofSeconds(2)));
      assertThat(reconnected.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(closes1012).hasValue(CLIENTS);

      ReconnectReport report = server.reconnectReport();
      List<EventRecovery> recoveries = report.fleet().recoveries();
      assertThat(recoveries).hasSize(1);
      EventRecovery recovery = recoveries.get(0);
      assertThat(recovery.affected()).isEqualTo(CLIENTS);
      assertThat(recovery.lost()).isEqualTo(CLIENTS);
      assertThat(recovery.recovered()).isEqualTo(CLIENTS);

      List<Long> clientSide = new ArrayList<>();
      backAtNanos.forEach(t -> clientSide.add((t - eventNanos) / 1_000_000));
      Collections.sort(clientSide);
      assertThat(recovery.p50Millis()).isCloseTo(percentile(clientSide, 50), org.assertj.core.data.Offset.offset(TOLERANCE_MS));
      assertThat(recovery.p90Millis()).isCloseTo(percentile(clientSide, 90), org.assertj.core.data.Offset.offset(TOLERANCE_MS));
      assertThat(recovery.p100Millis()).isCloseTo(percentile(clientSide, 100), org.assertj.core.data.Offset.offset(TOLERANCE_MS));
      assertThat(report.clients()).hasSize(CLIENTS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
