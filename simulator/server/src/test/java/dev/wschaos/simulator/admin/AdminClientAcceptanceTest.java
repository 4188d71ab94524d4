package dev.wschaos.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.client.AdminException;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.journal.JournalPage;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.support.JdkClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminClientAcceptanceTest {

  private static WsChaosServer start(String token) {
    return WsChaosServer.builder().closeTimeout(Duration.ofSeconds(1))
        .admin(AdminSettings.loopback(0).withToken(token)).start();
  }

  @Test
  void drivesARemoteSimulatorWithThePlanModel() throws Exception {
    try (WsChaosServer server = start("t0ken")) {
      AdminClient admin = AdminClient.create(server.adminUrl(), "t0ken");
      assertThat(admin.health().wsUrl()).isEqualTo(server.wsUrl().toString());

      Plan plan = PlanCatalog.load("overload-1013")
          .withRule(Rule.of(Match.ANY.withClientId("slow"), Trigger.afterMessages(1), new CloseFault(1011, "boom"))
              .named("boom"));
      Plan installed = admin.replacePlan(plan);
      assertThat(installed.name()).isEqualTo("overload-1013");
      assertThat(admin.plan().limits()).isEqualTo(new Limits(100, Limits.OverCapacity.CLOSE_1013,
          Duration.ofSeconds(5), null));
      assertThat(server.plan().rules()).extracting(Rule::name).containsExactly("boom");

      try (JdkClient slow = JdkClient.connect(server.wsUrl("/x?clientId=slow"));
           JdkClient fine = JdkClient.connect(server.wsUrl("/y?clientId=fine"))) {
        slow.send("one");
        assertThat(slow.awaitClose().code()).isEqualTo(1011);
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.connections().size() == 1);
        List<ConnectionInfo> open = admin.connections("fine", "/y");
        assertThat(open).singleElement().satisfies(c -> {
          assertThat(c.clientId()).isEqualTo("fine");
          assertThat(c.attempt()).isEqualTo(1);
        });
        assertThat(admin.connections("nobody*", null)).isEmpty();

        assertThat(admin.act(CloseAction.all(1012, "remote restart")).selected()).isEqualTo(1);
        assertThat(fine.awaitClose().code()).isEqualTo(1012);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> admin.journal(JournalQuery.all()
          .types(Set.of(EventType.CLOSED))).events().size() == 2);
      JournalPage faults = admin.journal(JournalQuery.all().types(Set.of(EventType.FAULT_APPLIED)).clientId("slow"));
      assertThat(faults.events()).extracting(JournalEvent::rule).containsExactly("boom");

      admin.removeRule("boom");
      assertThat(admin.plan().rules()).isEmpty();
      admin.addRule(Rule.of(Match.ANY, new CloseFault(4000, "added")).named("added"));
      assertThat(server.plan().rules()).extracting(Rule::name).containsExactly("added");
      assertThat(admin.metrics()).contains("wschaos_connections_open");

      admin.reset();
      assertThat(server.plan().name()).isEqualTo("healthy");
      assertThat(admin.journal(JournalQuery.all()).events()).isEmpty();
    }
  }

  @Test
  void invalidPlansThrowTheSameExceptionAsTheEmbeddedApi() {
    try (WsChaosServer server = start(null)) {
      AdminClient admin = AdminClient.create(server.adminUrl());
      Plan bad = Plan.named("bad").withRule(Rule.of(Match.probability(2), new CloseFault(1006, "")));
      assertThatThrownBy(() -> admin.replacePlan(bad))
          .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems())
              .extracting(p -> p.field()).containsExactlyInAnyOrder("rules[0].match.probability", "rules[0].fault.code"));
      assertThatThrownBy(() -> admin.replacePlan("name: x\nrules:\n  - fault: {type: close, code: 1005}\n"))
          .isInstanceOfSatisfying(InvalidPlanException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
              assertThat(p.field()).isEqualTo("rules[0].fault.code");
              assertThat(p.location().line()).isEqualTo(3);
            });
          });
      assertThat(admin.plan().name()).isEqualTo("healthy");
    }
  }

  @Test
  void authAndUnreachableServersGiveClearErrors() {
    try (WsChaosServer server = start("right")) {
      assertThatThrownBy(() -> AdminClient.create(server.adminUrl(), "wrong").health())
          .isInstanceOfSatisfying(AdminException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("bearer token");
          });
    }
    assertThatThrownBy(() -> AdminClient.create(URI.create("http://127.0.0.1:1")).health())
        .isInstanceOf(AdminException.class).hasMessageContaining("cannot reach");
  }
}
