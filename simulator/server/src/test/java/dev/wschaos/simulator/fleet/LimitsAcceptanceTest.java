package dev.wschaos.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.Fleet;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.TestVertx;
import io.vertx.core.Vertx;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LimitsAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  private static WsChaosServer start(Limits limits) {
    return WsChaosServer.builder().plan(Plan.named("limited").withLimits(limits))
        .closeTimeout(Duration.ofSeconds(1)).start();
  }

  private static long rejectedWith(List<Fleet.Member> members, int status) {
    return members.stream().filter(m -> m.connected.isCompletedExceptionally() && m.rejectedStatus() == status).count();
  }

  private static long accepted(List<Fleet.Member> members) {
    return members.stream().filter(m -> !m.connected.isCompletedExceptionally()).count();
  }

  @Test
  void overCapacityUpgradesAreRefusedWith503AndRetryAfter() throws Exception {
    Limits limits = new Limits(100, Limits.OverCapacity.REJECT, Duration.ofSeconds(7), null);
    try (WsChaosServer server = start(limits); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> first = fleet.connectAndWait(server.wsUrl(), "in", 100);
      assertThat(accepted(first)).isEqualTo(100);
      List<Fleet.Member> extra = fleet.connectAndWait(server.wsUrl(), "over", 150);
      assertThat(rejectedWith(extra, 503)).isEqualTo(150);
      assertThat(extra).allSatisfy(m -> assertThat(m.retryAfter()).isEqualTo("7"));
      assertThat(server.openConnections()).isEqualTo(100);

      Throwable jdk = JdkClient.connectFailure(server.wsUrl());
      assertThat(jdk).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) jdk).getResponse().statusCode()).isEqualTo(503);

      first.get(0).connected.join().close().await(5, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 99);
      assertThat(accepted(fleet.connectAndWait(server.wsUrl(), "again", 1))).isEqualTo(1);
    }
  }

  @Test
  void concurrentUpgradesNeverOvershootTheCapacity() throws Exception {
    try (WsChaosServer server = start(Limits.maxConnections(50, Limits.OverCapacity.REJECT));
         Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> burst = fleet.connectAndWait(server.wsUrl(), "burst", 300);
      assertThat(accepted(burst)).isEqualTo(50);
      assertThat(rejectedWith(burst, 503)).isEqualTo(250);
    }
  }

  @Test
  void overCapacityWithClose1013AcceptsThenClosesAtOnce() throws Exception {
    try (WsChaosServer server = start(Limits.maxConnections(100, Limits.OverCapacity.CLOSE_1013));
         Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> first = fleet.connectAndWait(server.wsUrl(), "in", 100);
      assertThat(accepted(first)).isEqualTo(100);
      List<Fleet.Member> extra = fleet.connectAndWait(server.wsUrl(), "shed", 100);
      CompletableFuture.allOf(extra.stream().map(m -> m.closed).toArray(CompletableFuture[]::new))
          .orTimeout(20, TimeUnit.SECONDS).join();
      assertThat(extra).allSatisfy(m -> {
        assertThat(m.closed.join().code()).isEqualTo((short) 1013);
        assertThat(m.closed.join().reason()).startsWith("over capacity");
      });
      assertThat(Fleet.open(first)).isEqualTo(100);
      List<JournalEvent> faults = server.journal().query(JournalQuery.all().types(Set.of(EventType.FAULT_APPLIED)))
          .events();
      assertThat(faults).hasSize(100).allSatisfy(e -> assertThat(e.rule()).isEqualTo("capacity-limit"));
    }
  }

  @Test
  void acceptRateRejectLetsTheBurstInAndRefusesTheRest() throws Exception {
    Limits limits = Limits.acceptRate(new AcceptRate(5, 20, AcceptRate.Excess.REJECT, 429, null));
    try (WsChaosServer server = start(limits); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> burst = fleet.connectAndWait(server.wsUrl(), "r", 200);
      // 20 saved tokens, plus at most a few refilled at 5/s while the burst arrives
      assertThat(accepted(burst)).isBetween(20L, 40L);
      assertThat(rejectedWith(burst, 429)).isEqualTo(200 - accepted(burst));
      assertThat(burst.stream().filter(m -> m.connected.isCompletedExceptionally()))
          .allSatisfy(m -> assertThat(Integer.parseInt(m.retryAfter())).isBetween(1, 2));
    }
  }

  @Test
  void acceptRateQueueHoldsUpgradesUntilTheirTokenComes() throws Exception {
    Limits limits = Limits.acceptRate(new AcceptRate(50, 10, AcceptRate.Excess.QUEUE, null, 500));
    try (WsChaosServer server = start(limits); Fleet fleet = Fleet.create(vertx)) {
      long start = System.nanoTime();
      List<Fleet.Member> burst = fleet.connectAndWait(server.wsUrl(), "q", 85);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(accepted(burst)).isEqualTo(85);
      // 10 at once, 75 more at 50/s: about 1.5 s
      assertThat(seconds).isBetween(1.2, 8.0);
      List<JournalEvent> opened = server.journal().query(JournalQuery.all().types(Set.of(EventType.OPENED))).events();
      double spanSeconds = (opened.get(opened.size() - 1).nanos() - opened.get(0).nanos()) / 1e9;
      assertThat(spanSeconds).isBetween(1.2, 8.0);
    }
  }
}
