package dev.wschaos.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.Fleet;
import dev.wschaos.simulator.support.TestVertx;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TimelineAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  private static WsChaosServer start() {
    return WsChaosServer.builder().closeTimeout(Duration.ofSeconds(1)).start();
  }

  private static List<JournalEvent> fleetEvents(WsChaosServer server) {
    return server.journal().query(JournalQuery.all().types(Set.of(EventType.FLEET_ACTION))).events();
  }

  @Test
  void anActionStepStrikesAtItsOffset() throws Exception {
    Plan plan = PlanLoader.parse("""
        name: restart-soon
        timeline:
          - name: restart
            at: 800ms
            action: {type: close, code: 1012, reason: restart, spread: 500ms}
        """, "test");
    try (WsChaosServer server = start(); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> members = fleet.connectAndWait(server.wsUrl(), "t", 200);
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 200);
      long installed = System.nanoTime();
      server.replacePlan(plan);
      CompletableFuture.allOf(members.stream().map(m -> m.closed).toArray(CompletableFuture[]::new))
          .orTimeout(20, TimeUnit.SECONDS).join();
      assertThat(members).allSatisfy(m -> assertThat(m.closed.join().code()).isEqualTo((short) 1012));
      double first = members.stream().mapToLong(m -> m.closed.join().atNanos()).min().orElseThrow();
      assertThat((first - installed) / 1e9).isBetween(0.7, 4.0);
      assertThat(fleetEvents(server)).extracting(JournalEvent::rule).contains("restart");
    }
  }

  @Test
  void temporaryRulesApplyForTheirDurationThenLift() throws Exception {
    Plan plan = PlanLoader.parse("""
        name: refuse-for-a-while
        timeline:
          - at: 0s
            for: 2s
            rules:
              - name: closed-for-maintenance
                fault: {type: reject, status: 503, headers: {Retry-After: "2"}}
        """, "test");
    try (WsChaosServer server = start(); Fleet fleet = Fleet.create(vertx)) {
      server.replacePlan(plan);
      await().atMost(Duration.ofSeconds(2)).until(() -> fleetEvents(server).size() == 1);
      List<Fleet.Member> during = fleet.connectAndWait(server.wsUrl(), "during", 100);
      assertThat(server.plan().rules()).isEmpty();
      await().atMost(Duration.ofSeconds(5)).until(() -> fleetEvents(server).size() == 2);
      JournalEvent lifted = fleetEvents(server).get(1);
      assertThat(lifted.detail()).startsWith("lifted");
      // Decided by causality, not by how many upgrades a loaded machine fits in the window: an upgrade that arrived
      // after the lift is accepted; one refused with the rule's 503 arrived before it; the window did refuse some.
      Map<String, JournalEvent> arrivals = arrivals(server);
      assertThat(during).filteredOn(m -> arrivals.get(m.clientId).seq() > lifted.seq())
          .allSatisfy(m -> assertThat(m.isOpen()).isTrue());
      List<Fleet.Member> refused = during.stream().filter(m -> !m.isOpen()).toList();
      assertThat(refused).isNotEmpty().allSatisfy(m -> {
        assertThat(m.rejectedStatus()).isEqualTo(503);
        assertThat(m.retryAfter()).isEqualTo("2");
        assertThat(arrivals.get(m.clientId).seq()).isLessThan(lifted.seq());
      });
      List<Fleet.Member> after = fleet.connectAndWait(server.wsUrl(), "after", 100);
      assertThat(Fleet.open(after)).isEqualTo(100);
    }
  }

  /** When each client's (last) upgrade request arrived: the rules in force then decide it. */
  private static Map<String, JournalEvent> arrivals(WsChaosServer server) {
    return server.journal().query(JournalQuery.all().types(Set.of(EventType.UPGRADE_RECEIVED)))
        .events().stream().collect(Collectors.toMap(JournalEvent::clientId, e -> e, (a, b) -> b));
  }

  @Test
  void temporaryLimitsReplaceThePlansLimitsForTheirDuration() throws Exception {
    Plan plan = PlanLoader.parse("""
        name: brief-overload
        limits: {maxConnections: 1000}
        timeline:
          - at: 0s
            for: 3s
            limits: {maxConnections: 10, overCapacity: close-1013}
        """, "test");
    try (WsChaosServer server = start(); Fleet fleet = Fleet.create(vertx)) {
      server.replacePlan(plan);
      await().atMost(Duration.ofSeconds(2)).until(() -> fleetEvents(server).size() == 1);
      List<Fleet.Member> during = fleet.connectAndWait(server.wsUrl(), "during", 60);
      await().atMost(Duration.ofSeconds(10)).until(() -> fleetEvents(server).size() == 2);
      long lifted = fleetEvents(server).get(1).seq();
      Map<String, JournalEvent> arrivals = arrivals(server);
      List<Fleet.Member> inWindow = during.stream().filter(m -> arrivals.get(m.clientId).seq() < lifted).toList();
      assertThat(inWindow).as("connections opened while the limit of 10 held").hasSizeGreaterThan(10);
      int overCapacity = inWindow.size() - 10;
      await().atMost(Duration.ofSeconds(10))
          .until(() -> inWindow.stream().filter(m -> m.closed.isDone()).count() == overCapacity);
      assertThat(inWindow.stream().filter(m -> m.closed.isDone()))
          .allSatisfy(m -> assertThat(m.closed.join().code()).isEqualTo((short) 1013));
      assertThat(during).filteredOn(m -> arrivals.get(m.clientId).seq() > lifted).allSatisfy(m ->
          assertThat(m.isOpen()).isTrue());
      List<Fleet.Member> after = fleet.connectAndWait(server.wsUrl(), "after", 100);
      await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 60 - overCapacity + 100);
      assertThat(Fleet.open(after)).isEqualTo(100);
    }
  }

  @Test
  void aRepeatingStepFiresEveryPeriodUntilThePlanChanges() throws Exception {
    Plan plan = PlanLoader.parse("""
        name: flap-fast
        timeline:
          - name: flap
            at: 200ms
            every: 500ms
            action: {type: drop, count: 5}
        """, "test");
    try (WsChaosServer server = start(); Fleet fleet = Fleet.create(vertx)) {
      List<Fleet.Member> members = fleet.connectAndWait(server.wsUrl(), "f", 100);
      server.replacePlan(plan);
      await().atMost(Duration.ofSeconds(10)).until(() -> fleetEvents(server).size() >= 4);
      server.replacePlan(Plan.healthy());
      int fired = fleetEvents(server).size();
      List<JournalEvent> events = fleetEvents(server);
      for (int i = 1; i < events.size(); i++) {
        double gap = (events.get(i).nanos() - events.get(i - 1).nanos()) / 1e9;
        assertThat(gap).isBetween(0.3, 1.5);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> members.stream().filter(m -> m.closed.isDone()).count()
          == 5L * fired);
      assertThat(members.stream().filter(m -> m.closed.isDone()))
          .allSatisfy(m -> assertThat(m.closed.join().code()).isEqualTo((short) 1006));
      // replaced: no further firing
      await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
          .until(() -> fleetEvents(server).size() == fired);
    }
  }

  @Test
  void invalidTimelinesAreRefusedWithEveryProblem() {
    assertThatThrownBy(() -> PlanLoader.parse("""
        name: bad
        timeline:
          - at: 1s
            for: 2s
            action: {type: close, code: 1006}
          - at: 0s
            every: 1s
            for: 2s
            rules: [{fault: {type: reject, status: 200}}]
          - at: 0s
        """, "bad.yaml"))
        .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
            .extracting(p -> p.field())
            .containsExactlyInAnyOrder("timeline[0].action.code", "timeline[0].for", "timeline[1].for",
                "timeline[1].rules[0].fault.status", "timeline[2]"));
  }

  @Test
  void builtInFleetPlansAreValidAndPrintable() {
    for (String name : List.of("rolling-restart", "overload-1013", "outage", "thundering-herd", "flapping")) {
      Plan plan = PlanCatalog.load(name);
      assertThat(plan.validate()).as(name).isEmpty();
      Plan again = PlanLoader.parse(PlanLoader.toYaml(plan), name + " printed");
      assertThat(again.timeline()).as(name).hasSameSizeAs(plan.timeline());
      assertThat(again.limits()).as(name).isEqualTo(plan.limits());
    }
    assertThat(PlanCatalog.load("rolling-restart").timeline().get(0).action()).isInstanceOf(CloseAction.class);
    assertThat(PlanCatalog.load("overload-1013").limits().overCapacity()).isEqualTo(Limits.OverCapacity.CLOSE_1013);
  }
}
