package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the event journal costs on the data path: the same workloads against a server with no event listener at all
 * (journal off, no metrics, no export) and one with the journal and the Prometheus metrics on, alternated in one
 * run. Not part of {@code verify}; run it with
 * {@code ./mvnw -B -q -pl simulator test -Dtest=JournalBenchmark -Dsurefire.failIfNoSpecifiedTests=false} and read
 * {@code target/surefire-reports/dev.wschaos.simulator.bench.JournalBenchmark-output.txt}.
 */
class JournalBenchmark {

  static {
    // per-connection debug logging (the test default) would dwarf what is measured
    System.setProperty("org.slf4j.simpleLogger.log.dev.wschaos", "warn");
  }

  private static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
  private static final int CHURN = Integer.getInteger("bench.churn", 3000);
  private static final int CONCURRENCY = 50;
  private static final int STREAMS = 20;
  private static final int MESSAGES = Integer.getInteger("bench.messages", 10_000);

  @Test
  void journalCostOnConnectionsAndMessages() throws Exception {
    Vertx clientVertx = Vertx.vertx();
    try (WsChaosServer off = WsChaosServer.builder().journalSize(0).start();
         WsChaosServer on = WsChaosServer.builder().admin(AdminSettings.loopback(0)).start()) {
      WebSocketClient client = clientVertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(200));
      for (int warmup = 0; warmup < 2; warmup++) {
        churn(client, off.port(), CHURN);
        churn(client, on.port(), CHURN);
        messages(client, off.port(), MESSAGES);
        messages(client, on.port(), MESSAGES);
      }
      List<double[]> results = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        boolean offFirst = round % 2 == 0;
        double churnOff = offFirst ? churn(client, off.port(), CHURN) : 0;
        double churnOn = churn(client, on.port(), CHURN);
        churnOff = offFirst ? churnOff : churn(client, off.port(), CHURN);
        double msgOff = offFirst ? messages(client, off.port(), MESSAGES) : 0;
        double msgOn = messages(client, on.port(), MESSAGES);
        msgOff = offFirst ? msgOff : messages(client, off.port(), MESSAGES);
        results.add(new double[] {churnOff, churnOn, msgOff, msgOn});
        System.out.printf(Locale.ROOT, "round %d: connections/s off %.0f on %.0f (ratio %.3f); messages/s off %.0f "
            + "on %.0f (ratio %.3f)%n", round + 1, churnOff, churnOn, churnOn / churnOff, msgOff, msgOn, msgOn / msgOff);
      }
      double[] sum = new double[4];
      results.forEach(r -> {
        for (int i = 0; i < 4; i++) {
          sum[i] += r[i];
        }
      });
      System.out.printf(Locale.ROOT, "JOURNAL COST (%d rounds, %d connections of churn, %d streams x %d echoes): "
              + "connections/s with/without journal = %.3f, messages/s with/without journal = %.3f; "
              + "journal on server held %d events, overflow %d%n",
          ROUNDS, CHURN, STREAMS, MESSAGES / STREAMS, sum[1] / sum[0], sum[3] / sum[2], on.journal().size(),
          on.journal().overflow());
    } finally {
      clientVertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** Connect, one echo, close; {@code CONCURRENCY} at a time. Connections per second. */
  private static double churn(WebSocketClient client, int port, int total) throws Exception {
    CountDownLatch done = new CountDownLatch(total);
    AtomicInteger started = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < CONCURRENCY; i++) {
      next(client, port, total, started, done);
    }
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new AssertionError("churn did not finish");
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }

  private static void next(WebSocketClient client, int port, int total, AtomicInteger started, CountDownLatch done) {
    int n = started.getAndIncrement();
    if (n >= total) {
      return;
    }
    client.connect(port, "127.0.0.1", "/bench?clientId=b" + n)
        .compose(JournalBenchmark::echoThenClose)
        .onComplete(r -> {
          done.countDown();
          next(client, port, total, started, done);
        });
  }

  private static Future<Void> echoThenClose(WebSocket ws) {
    Promise<Void> closed = Promise.promise();
    ws.closeHandler(v -> closed.tryComplete());
    ws.textMessageHandler(m -> ws.close());
    ws.writeTextMessage("ping");
    return closed.future();
  }

  /** {@code STREAMS} connections, each echoing its share of {@code total} messages one after another. Messages/s. */
  private static double messages(WebSocketClient client, int port, int total) throws Exception {
    int each = total / STREAMS;
    CountDownLatch done = new CountDownLatch(STREAMS);
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < STREAMS; i++) {
      sockets.add(client.connect(port, "127.0.0.1", "/bench?clientId=m" + i).await(10, TimeUnit.SECONDS));
    }
    long start = System.nanoTime();
    for (WebSocket ws : sockets) {
      int[] left = {each};
      ws.textMessageHandler(m -> {
        if (--left[0] == 0) {
          done.countDown();
        } else {
          ws.writeTextMessage("message " + left[0]);
        }
      });
      ws.writeTextMessage("message " + left[0]);
    }
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new AssertionError("messages did not finish");
    }
    double rate = STREAMS * each / ((System.nanoTime() - start) / 1e9);
    for (WebSocket ws : sockets) {
      ws.close();
    }
    return rate;
  }
}
