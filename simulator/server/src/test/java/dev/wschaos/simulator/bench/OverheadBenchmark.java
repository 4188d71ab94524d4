package dev.wschaos.simulator.bench;

import static dev.wschaos.simulator.bench.Medians.median;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What wschaos costs over a plain Vert.x WebSocket echo server, measured in one run with the same clients: echo
 * throughput over many connections, and handshakes per second. Three servers: the baseline (a bare Vert.x
 * {@code webSocketHandler} echoing), wschaos as it ships (strict checks, journal, reconnect analytics), and wschaos
 * with journal and analytics off. The clients are a {@link LoadClient} in this JVM. Rounds alternate, each starting
 * with another server, so machine noise and warm-up hit all alike; prints medians, ranges and ratios.
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
    LoadClient load = new LoadClient(clientVertx);
    try (WsChaosServer shipped = WsChaosServer.builder().plan(Plan.healthy()).start();
         WsChaosServer lean = WsChaosServer.builder().plan(Plan.healthy()).journalSize(0).analytics(false).start()) {
      int[] ports = {plain.actualPort(), shipped.port(), lean.port()};
      String[] names = {"plain Vert.x echo (baseline)", "wschaos (journal + analytics)", "wschaos (journal, analytics off)"};
      for (int port : ports) {
        load.echo(port, CONNECTIONS, MESSAGES / 4);
        load.handshakes(port, CONNECTIONS, HANDSHAKES / 4);
      }
      double[][] messagesPerSecond = new double[3][ROUNDS];
      double[][] handshakesPerSecond = new double[3][ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < 3; i++) {
          int s = (round + i) % 3; // rotate who goes first, so warm-up and drift do not favour one server
          messagesPerSecond[s][round] = load.echo(ports[s], CONNECTIONS, MESSAGES);
          handshakesPerSecond[s][round] = load.handshakes(ports[s], CONNECTIONS, HANDSHAKES);
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
      System.out.printf(Locale.ROOT, "  %-34s %9.0f  (%.0f-%.0f)  ratio to baseline %.2f%n", names[s],
          median(rounds[s]), Medians.min(rounds[s]), Medians.max(rounds[s]), median(rounds[s]) / base);
    }
  }
}
