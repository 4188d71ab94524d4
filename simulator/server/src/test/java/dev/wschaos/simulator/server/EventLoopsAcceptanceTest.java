package dev.wschaos.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fleet.AcceptRate;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.Fleet;
import dev.wschaos.simulator.support.TestVertx;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Several event loops serve one port; what they share (attempts, limits, fleet actions, the journal) stays exact. */
class EventLoopsAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  private static WsChaosServer start(Plan plan, int loops) {
    return WsChaosServer.builder().plan(plan).eventLoops(loops).closeTimeout(Duration.ofSeconds(1)).start();
  }

  /** The threads each event type was emitted on: an event is emitted on the loop of its connection. */
  private static Map<EventType, Set<String>> threadsOf(WsChaosServer server) {
    Map<EventType, Set<String>> threads = new ConcurrentHashMap<>();
    server.events().listen(e -> threads.computeIfAbsent(e.type(), t -> ConcurrentHashMap.newKeySet())
        .add(Thread.currentThread().getName()));
    return threads;
  }

  private static long accepted(List<Fleet.Member> members) {
    return members.stream().filter(m -> !m.connected.isCompletedExceptionally()).count();
  }

  @Test
  void connectionsAreSpreadOverTheLoopsAndCountedExactly() throws Exception {
    try (WsChaosServer server = start(Plan.healthy(), 2); Fleet fleet = Fleet.create(vertx)) {
      Map<EventType, Set<String>> threads = threadsOf(server);
      List<Fleet.Member> members = fleet.connectAndWait(server.wsUrl(), "c", 60);
      assertThat(accepted(members)).isEqualTo(60);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 60);
      assertThat(threads.get(EventType.OPENED)).hasSize(2).allMatch(name -> name.contains("eventloop"));
      assertThat(server.connections()).hasSize(60);

      members.subList(0, 25).forEach(m -> m.connected.join().close());
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 35);
      assertThat(server.connections()).hasSize(35);
    }
  }

  @Test
  void oneClientUpgradingFromSeveralLoopsAtOnceGetsAttemptsOneToN() throws Exception {
    try (WsChaosServer server = start(Plan.healthy(), 4); Fleet fleet = Fleet.create(vertx)) {
      Map<EventType, Set<String>> threads = threadsOf(server);
      List<Fleet.Member> same = IntStream.range(0, 80)
          .mapToObj(i -> fleet.connect(server.wsUrl(), "same", 1).get(0)).toList();
      CompletableFuture.allOf(same.stream().map(m -> m.connected).toArray(CompletableFuture[]::new))
          .orTimeout(30, TimeUnit.SECONDS).join();

      List<Integer> attempts = server.journal().events().stream()
          .filter(e -> e.type() == EventType.UPGRADE_RECEIVED).map(JournalEvent::attempt).sorted().toList();
      assertThat(attempts).isEqualTo(IntStream.rangeClosed(1, 80).boxed().toList());
      assertThat(server.connections()).extracting(c -> c.attempt()).doesNotHaveDuplicates().hasSize(80);
      assertThat(threads.get(EventType.UPGRADE_RECEIVED)).hasSizeGreaterThan(1);
    }
  }

  @Test
  void theCapacityIsNeverExceededByUpgradesOnSeveralLoops() throws Exception {
    Plan plan = Plan.named("limited").withLimits(Limits.maxConnections(30, Limits.OverCapacity.REJECT));
    try (WsChaosServer server = start(plan, 4); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> burst = fleet.connectAndWait(server.wsUrl(), "burst", 200);
      assertThat(accepted(burst)).isEqualTo(30);
      assertThat(burst).filteredOn(m -> m.connected.isCompletedExceptionally())
          .allSatisfy(m -> assertThat(m.rejectedStatus()).isEqualTo(503));
      assertThat(server.openConnections()).isEqualTo(30);

      burst.stream().filter(Fleet.Member::isOpen).limit(10).forEach(m -> m.connected.join().close());
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 20);
      assertThat(accepted(fleet.connectAndWait(server.wsUrl(), "again", 50))).isEqualTo(10);
    }
  }

  @Test
  void theAcceptRateBucketIsOneForAllLoops() throws Exception {
    AcceptRate rate = new AcceptRate(0.01, 12, AcceptRate.Excess.REJECT, 429, null);
    try (WsChaosServer server = start(Plan.named("rated").withLimits(Limits.acceptRate(rate)), 4);
         Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> burst = fleet.connectAndWait(server.wsUrl(), "r", 100);
      assertThat(accepted(burst)).isEqualTo(12);
      assertThat(burst).filteredOn(m -> m.connected.isCompletedExceptionally())
          .allSatisfy(m -> assertThat(m.rejectedStatus()).isEqualTo(429));
    }
  }

  @Test
  void aSpreadFleetCloseReachesEveryConnectionOnEveryLoop() throws Exception {
    try (WsChaosServer server = start(Plan.healthy(), 3); Fleet fleet = Fleet.create(vertx)) {
      Map<EventType, Set<String>> threads = threadsOf(server);
      List<Fleet.Member> members = fleet.connectAndWait(server.wsUrl(), "f", 90);
      assertThat(accepted(members)).isEqualTo(90);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 90);

      long start = System.nanoTime();
      assertThat(server.act(CloseAction.all(4000, "moving").spreadOver(Duration.ofMillis(600))).selected())
          .isEqualTo(90);
      CompletableFuture.allOf(members.stream().map(m -> m.closed).toArray(CompletableFuture[]::new))
          .orTimeout(30, TimeUnit.SECONDS).join();

      assertThat(members).allSatisfy(m -> assertThat(m.closed.join().code()).isEqualTo((short) 4000));
      assertThat(threads.get(EventType.CLOSE_SENT)).hasSize(3);
      long firstHalf = members.stream().filter(m -> m.closed.join().atNanos() - start < 300_000_000L).count();
      assertThat(firstHalf).as("closes in the first half of the window").isLessThan(90);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
    }
  }
}
