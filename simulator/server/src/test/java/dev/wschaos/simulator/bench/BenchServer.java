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
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server the benchmarks measure, in this JVM: its name in the printed tables, its port on 127.0.0.1, and how to
 * stop it.
 *
 * <pre>{@code
 * List<BenchServer> servers = BenchServer.only(System.getProperty("only", ""), List.of(
 *     BenchServer.plainEcho("plain Vert.x echo", 1),
 *     BenchServer.wschaos("wschaos healthy", WsChaosServer.builder().eventLoops(1))));
 * }</pre>
 */
record BenchServer(String name, int port, AutoCloseable stop) {

  static BenchServer wschaos(String name, WsChaosServer.Builder builder) {
    WsChaosServer server = builder.start();
    return new BenchServer(name, server.port(), server);
  }

  /** A bare Vert.x echo server: {@code loops} instances of one verticle sharing a port, as Vert.x apps scale. */
  static BenchServer plainEcho(String name, int loops) throws Exception {
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
    return new BenchServer(name, port, () -> vertx.close().await(10, TimeUnit.SECONDS));
  }

  /** A plan of 50 rules none of which a benchmark's client matches: what evaluating rules costs. */
  static Plan fiftyRulesThatNeverMatch() {
    Plan plan = Plan.named("fifty-unmatched");
    for (int i = 0; i < 50; i++) {
      plan = plan.withRule(Rule.of(Match.ANY.withPath("/never-" + i), HalfOpenFault.forever()));
    }
    return plan;
  }

  /** The servers whose name has {@code text} (all for ""); the others are stopped. */
  static List<BenchServer> only(String text, List<BenchServer> servers) throws Exception {
    List<BenchServer> kept = new ArrayList<>();
    for (BenchServer s : servers) {
      if (s.name().contains(text)) {
        kept.add(s);
      } else {
        s.stop().close();
      }
    }
    return kept;
  }

  static void stopAll(List<BenchServer> servers) throws Exception {
    for (BenchServer s : servers) {
      s.stop().close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
