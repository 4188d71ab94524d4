package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.handshake.SlowHandshakeFault;
import dev.wschaos.simulator.fault.shaping.Direction;
import dev.wschaos.simulator.fault.shaping.LatencyFault;
import dev.wschaos.simulator.fault.shaping.SliceFault;
import dev.wschaos.simulator.fault.shaping.ThrottleFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.support.Failures;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShapingFaultsAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  /** Median echo round trip in ms over {@code n} messages, with the JDK client. */
  /** Round trips in ms, sorted. */
  private static List<Long> jdkRoundTrips(WsChaosServer server, int n) throws Exception {
    List<Long> rtts = new ArrayList<>();
    try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        jdk.send("m" + i);
        assertThat(jdk.nextMessage()).isEqualTo("m" + i);
        rtts.add((System.nanoTime() - start) / 1_000_000);
      }
    }
    return rtts.stream().sorted().toList();
  }

  /** Round trips in ms, sorted. */
  private static List<Long> vertxRoundTrips(WsChaosServer server, int n) throws Exception {
    List<Long> rtts = new ArrayList<>();
    try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        vx.send("m" + i);
        assertThat(vx.nextMessage()).isEqualTo("m" + i);
        rtts.add((System.nanoTime() - start) / 1_000_000);
      }
    }
    return rtts.stream().sorted().toList();
  }

  private static long median(List<Long> sorted) {
    return sorted.get(sorted.size() / 2);
  }

  private static long jdkRoundTrip(WsChaosServer server, int n) throws Exception {
    return median(jdkRoundTrips(server, n));
  }

  private static long vertxRoundTrip(WsChaosServer server, int n) throws Exception {
    return median(vertxRoundTrips(server, n));
  }

  @Test
  void latencyDelaysEachMessageByTheConfiguredTime() throws Exception {
    long baselineJdk;
    long baselineVertx;
    try (WsChaosServer healthy = Simulators.start(Plan.healthy())) {
      baselineJdk = jdkRoundTrip(healthy, 5);
      baselineVertx = vertxRoundTrip(healthy, 5);
    }
    // The delay is a floor no echo can beat, whatever the machine's load: every round trip takes at least the
    // delay (a few ms of timer tolerance). The ceiling only catches a delay applied twice, so it is generous.
    try (WsChaosServer slow = Simulators.withFault(LatencyFault.of(Duration.ofMillis(300)))) {
      List<Long> jdk = jdkRoundTrips(slow, 5);
      List<Long> vx = vertxRoundTrips(slow, 5);
      System.out.printf("latency 300ms out: JDK RTTs %s ms (baseline median %d), Vert.x %s ms (baseline %d)%n",
          jdk, baselineJdk, vx, baselineVertx);
      assertThat(jdk.get(0)).isGreaterThanOrEqualTo(295L);
      assertThat(vx.get(0)).isGreaterThanOrEqualTo(295L);
      assertThat(median(jdk) - baselineJdk).isLessThan(1300L);
      assertThat(median(vx) - baselineVertx).isLessThan(1300L);
    }
    LatencyFault both = new LatencyFault(Duration.ofMillis(200), null, null, Direction.BOTH);
    try (WsChaosServer slow = Simulators.withFault(both)) {
      List<Long> jdk = jdkRoundTrips(slow, 3);
      assertThat(jdk.get(0)).as("200ms each way").isGreaterThanOrEqualTo(395L);
      assertThat(median(jdk) - baselineJdk).as("200ms each way").isLessThan(1500L);
    }
  }

  @Test
  void latencyWithJitterKeepsOrder() throws Exception {
    LatencyFault jittery = new LatencyFault(Duration.ofMillis(20), Duration.ofMillis(100),
        LatencyFault.Distribution.UNIFORM, null);
    try (WsChaosServer server = Simulators.withFault(jittery);
         JdkClient jdk = JdkClient.connect(server.wsUrl());
         VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
      for (int i = 0; i < 30; i++) {
        jdk.send("m" + i);
        vx.send("m" + i);
      }
      for (int i = 0; i < 30; i++) {
        assertThat(jdk.nextMessage()).isEqualTo("m" + i);
        assertThat(vx.nextMessage()).isEqualTo("m" + i);
      }
    }
  }

  @Test
  void throttleCapsThroughput() throws Exception {
    String chunk = "x".repeat(20_000);
    int messages = 5;
    try (WsChaosServer healthy = Simulators.start(Plan.healthy());
         WsChaosServer throttled = Simulators.withFault(new ThrottleFault(40_000, null))) {
      long fast = jdkEchoMillis(healthy, chunk, messages);
      long slowJdk = jdkEchoMillis(throttled, chunk, messages);
      long slowVertx = vertxEchoMillis(throttled, chunk, messages);
      System.out.printf("throttle 40000 B/s, 100000 bytes echoed: healthy %d ms, JDK %d ms, Vert.x %d ms%n",
          fast, slowJdk, slowVertx);
      // 100 kB at 40 kB/s is 2.5 s; Netty's shaper lets a first burst through, so the bound is generous
      assertThat(slowJdk).isGreaterThanOrEqualTo(1500).isGreaterThan(fast * 3);
      assertThat(slowVertx).isGreaterThanOrEqualTo(1500);
    }
  }

  private static long jdkEchoMillis(WsChaosServer server, String chunk, int messages) throws Exception {
    try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
      long start = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        jdk.send(chunk);
      }
      for (int i = 0; i < messages; i++) {
        assertThat(jdk.nextMessage()).hasSize(chunk.length());
      }
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  private static long vertxEchoMillis(WsChaosServer server, String chunk, int messages) throws Exception {
    try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
      long start = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        vx.send(chunk);
      }
      for (int i = 0; i < messages; i++) {
        assertThat(vx.nextMessage()).hasSize(chunk.length());
      }
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  @Test
  void sliceDeliversFramesInSmallPieces() throws Exception {
    String text = "a message of forty bytes, give or take.";
    try (WsChaosServer server = Simulators.withFault(new SliceFault(3, Duration.ofMillis(15)))) {
      try (RawClient raw = RawClient.upgraded(server.wsUrl())) {
        raw.sendText(text);
        int expected = 2 + text.length();
        int received = 0;
        int reads = 0;
        int largest = 0;
        byte[] buffer = new byte[1024];
        while (received < expected) {
          int n = raw.readSome(buffer);
          assertThat(n).isPositive();
          received += n;
          reads++;
          largest = Math.max(largest, n);
        }
        System.out.printf("slice 3 bytes/15ms: %d bytes in %d reads, largest %d%n", received, reads, largest);
        assertThat(reads).isGreaterThanOrEqualTo(expected / 3 / 2);
      }
      try (JdkClient jdk = JdkClient.connect(server.wsUrl());
           VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        jdk.send(text);
        vx.send(text);
        assertThat(jdk.nextMessage()).isEqualTo(text);
        assertThat(vx.nextMessage()).isEqualTo(text);
      }
    }
  }

  @Test
  void slowHandshakeDelaysThe101ThenAppliesTheConnectionRule() throws Exception {
    Plan plan = Plan.named("slow")
        .withRule(Rule.of(Match.ANY, new SlowHandshakeFault(Duration.ofMillis(700))))
        .withRule(Rule.of(Match.ANY, dev.wschaos.simulator.plan.Trigger.afterMessages(1), CloseFault.of(4000)));
    try (WsChaosServer server = Simulators.start(plan)) {
      long start = System.nanoTime();
      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(650);
        jdk.send("hi");
        assertThat(jdk.nextMessage()).isEqualTo("hi");
        assertThat(jdk.awaitClose().code()).isEqualTo(4000);
      }
      start = System.nanoTime();
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(650);
        vx.send("hi");
        assertThat(vx.awaitClose().code()).isEqualTo((short) 4000);
      }
      var options = new io.vertx.core.http.WebSocketConnectOptions().setHost(server.host()).setPort(server.port())
          .setURI("/").setTimeout(300);
      Throwable impatient = vertx.createWebSocketClient().connect(options)
          .toCompletionStage().toCompletableFuture().handle((ws, e) -> e).get(10, TimeUnit.SECONDS);
      assertThat(impatient).isNotNull();
      assertThat(Failures.chain(impatient)).contains("handshake");
    }
  }
}
