package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What wschaos costs over a plain Vert.x WebSocket echo server, measured in one run with the same clients: echo
 * throughput over many connections, and handshakes per second. Three servers: the baseline (a bare Vert.x
 * {@code webSocketHandler} echoing), wschaos as it ships (strict checks, journal, reconnect analytics), and wschaos
 * with journal and analytics off. Rounds alternate, each starting with another server, so machine noise and warm-up
 * hit all alike; prints medians, ranges and ratios.
 * Not part of {@code verify}:
 * {@code ./mvnw -B -q -pl simulator test -Dtest=OverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, then read
 * {@code simulator/target/surefire-reports/dev.wschaos.simulator.bench.OverheadBenchmark-output.txt}.
 */
class OverheadBenchmark {

  private static final int CONNECTIONS = Integer.getInteger("connections", 50);
  private static final int MESSAGES = Integer.getInteger("messages", 2000);
  private static final int HANDSHAKES = Integer.getInteger("handshakes", 2000);
  private static final int ROUNDS = Integer.getInteger("rounds", 5);

  @Test
  void wschaosAgainstAPlainVertxEchoServer() throws Exception {
    Vertx serverVertx = Vertx.vertx();
    Vertx clientVertx = Vertx.vertx();
    HttpServer plain = serverVertx.createHttpServer()
        .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    WebSocketClient client = clientVertx.createWebSocketClient(
        new WebSocketClientOptions().setMaxConnections(CONNECTIONS * 4));
    try (WsChaosServer shipped = WsChaosServer.builder().plan(Plan.healthy()).start();
         WsChaosServer lean = WsChaosServer.builder().plan(Plan.healthy()).journalSize(0).analytics(false).start()) {
      int[] ports = {plain.actualPort(), shipped.port(), lean.port()};
      String[] names = {"plain Vert.x echo (baseline)", "wschaos (journal + analytics)", "wschaos (journal, analytics off)"};
      for (int port : ports) {
        echoThroughput(client, port, MESSAGES / 4);
        handshakeRate(client, port, HANDSHAKES / 4);
      }
      double[][] messagesPerSecond = new double[3][ROUNDS];
      double[][] handshakesPerSecond = new double[3][ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < 3; i++) {
          int s = (round + i) % 3; // rotate who goes first, so warm-up and drift do not favour one server
          messagesPerSecond[s][round] = echoThroughput(client, ports[s], MESSAGES);
          handshakesPerSecond[s][round] = handshakeRate(client, ports[s], HANDSHAKES);
        }
      }
      System.out.printf(Locale.ROOT, "%d rounds; echo: %d connections x %d round trips each; handshakes: %d, %d at a "
          + "time (Vert.x client, loopback, same JVM)%n", ROUNDS, CONNECTIONS, MESSAGES, HANDSHAKES, CONNECTIONS);
      print("echo round trips/s", names, messagesPerSecond);
      print("handshakes/s (connect + close)", names, handshakesPerSecond);
    } finally {
      clientVertx.close().await(10, TimeUnit.SECONDS);
      serverVertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void print(String what, String[] names, double[][] rounds) {
    double base = median(rounds[0]);
    System.out.printf(Locale.ROOT, "%s, median (min-max over rounds):%n", what);
    for (int s = 0; s < names.length; s++) {
      double[] sorted = rounds[s].clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "  %-34s %9.0f  (%.0f-%.0f)  ratio to baseline %.2f%n", names[s],
          median(rounds[s]), sorted[0], sorted[sorted.length - 1], median(rounds[s]) / base);
    }
  }

  /** Every connection sends a message and waits for its echo, {@code messages} times; all connections at once. */
  private static double echoThroughput(WebSocketClient client, int port, int messages) throws Exception {
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < CONNECTIONS; i++) {
      sockets.add(client.connect(options(port, "/?clientId=bench-" + i)).await(10, TimeUnit.SECONDS));
    }
    List<Future<Void>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (WebSocket ws : sockets) {
      Promise<Void> finished = Promise.promise();
      AtomicInteger left = new AtomicInteger(messages);
      ws.textMessageHandler(echo -> {
        if (left.decrementAndGet() == 0) {
          finished.complete();
        } else {
          ws.writeTextMessage("tick");
        }
      });
      ws.writeTextMessage("tick");
      done.add(finished.future());
    }
    Future.all(done).await(120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    for (WebSocket ws : sockets) {
      ws.close().await(10, TimeUnit.SECONDS);
    }
    return CONNECTIONS * (double) messages / seconds;
  }

  /** Open and close {@code count} connections, {@link #CONNECTIONS} at a time. */
  private static double handshakeRate(WebSocketClient client, int port, int count) throws Exception {
    AtomicInteger started = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    long start = System.nanoTime();
    for (int lane = 0; lane < CONNECTIONS; lane++) {
      lanes.add(lane(client, port, started, count));
    }
    Future.all(lanes).await(120, TimeUnit.SECONDS);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static Future<Void> lane(WebSocketClient client, int port, AtomicInteger started, int count) {
    int n = started.getAndIncrement();
    if (n >= count) {
      return Future.succeededFuture();
    }
    return client.connect(options(port, "/?clientId=h-" + n))
        .compose(WebSocket::close)
        .compose(v -> lane(client, port, started, count));
  }

  private static WebSocketConnectOptions options(int port, String uri) {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri).setAllowOriginHeader(false);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
