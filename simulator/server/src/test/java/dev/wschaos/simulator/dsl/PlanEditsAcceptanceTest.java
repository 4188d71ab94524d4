package dev.wschaos.simulator.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TimelineStep;
import dev.wschaos.simulator.support.JdkClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * DSL calls edit the running plan (issue 11, defect 2): they neither restart its timeline nor draw a new seed, and
 * two remote writers keep each other's rules.
 */
class PlanEditsAcceptanceTest {

  private static final Duration STEP_AT = Duration.ofMillis(2500);
  private static final Duration EDIT_AT = Duration.ofMillis(1500);

  @Test
  void aDslEditDuringARunningTimelineDoesNotRestartIt() throws Exception {
    Plan plan = Plan.named("restart-at-2.5s").withTimeline(List.of(new TimelineStep("restart", STEP_AT, null, null,
        CloseAction.all(4001, "timeline restart"), null, null)));
    try (WsChaosServer server = WsChaosServer.builder().plan(Plan.healthy()).closeTimeout(Duration.ofSeconds(1))
        .start()) {
      ConcurrentLinkedQueue<Long> fired = new ConcurrentLinkedQueue<>();
      server.events().listen(e -> {
        if (e.type() == EventType.FLEET_ACTION && "restart".equals(e.rule())) {
          fired.add(System.nanoTime());
        }
      });
      Chaos chaos = Chaos.of(server);
      JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c1"));
      long planStart = System.nanoTime();
      chaos.use(plan);

      await().pollDelay(EDIT_AT).atMost(EDIT_AT.plusSeconds(5)).until(() -> true);
      assertThat(fired).as("the step has not fired before the edit").isEmpty();
      long edited = System.nanoTime();
      chaos.afterMessages(100).close(1011, "edit during the timeline");

      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4001, "timeline restart"));
      await().atMost(Duration.ofSeconds(10)).until(() -> !fired.isEmpty());
      long firedAfterEdit = fired.peek() - edited;
      assertThat(Duration.ofNanos(firedAfterEdit))
          .as("the step fires at its offset from the plan's start (%s), not from the edit (%s after the start)",
              STEP_AT, Duration.ofNanos(edited - planStart))
          .isLessThan(STEP_AT);

      chaos.onConnection().forClient("nobody").drop();
      chaos.clearRules();
      await().during(STEP_AT.plusMillis(500)).atMost(STEP_AT.plusSeconds(5))
          .until(() -> fired.size() == 1);
    }
  }

  @Test
  void aSeedDrawnAtStartSurvivesEdits() {
    try (WsChaosServer server = WsChaosServer.builder().plan(Plan.healthy()).start()) {
      long drawn = server.seed();
      Chaos chaos = Chaos.of(server);
      chaos.afterMessages(3).close(1011, "boom");
      chaos.onHandshake().forClient("c9").reject(503);
      chaos.clearRules();
      assertThat(server.seed()).isEqualTo(drawn);
    }
  }

  @Test
  void twoConcurrentRemoteWritersBothKeepTheirRules() throws Exception {
    int perWriter = 10;
    try (WsChaosServer server = WsChaosServer.builder().admin(AdminSettings.loopback(0)).start()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writers = List.of("alice", "bob").stream().map(writer -> pool.submit(() -> {
          Chaos chaos = Chaos.of(ChaosTarget.remote(server.adminUrl(), null));
          go.await();
          for (int i = 0; i < perWriter; i++) {
            chaos.onConnection().forClient(writer + "-" + i).close(4000 + i, writer);
          }
          return null;
        })).collect(Collectors.toList());
        go.countDown();
        for (Future<?> writer : writers) {
          writer.get();
        }
      } finally {
        pool.shutdownNow();
      }
      List<Rule> rules = server.plan().rules();
      Set<String> clients = rules.stream().map(r -> r.match().clientId()).collect(Collectors.toSet());
      assertThat(clients).as("every rule of both writers").hasSize(2 * perWriter);
      assertThat(rules.stream().map(Rule::name).distinct().count()).as("distinct names").isEqualTo(2L * perWriter);
    }
  }
}
