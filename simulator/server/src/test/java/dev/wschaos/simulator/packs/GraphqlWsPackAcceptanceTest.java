package dev.wschaos.simulator.packs;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.analytics.Check;
import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.junit.WsChaosExtension;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code graphql-ws} pack against the reference graphql-ws client (npm graphql-ws 6.4.2 with ws 8.23.0, run
 * through node): connection_ack and a subscription's next feed, then a 1012 restart (transport fault), a 4403
 * Forbidden close answering subscribe on attempt 2 (protocol fault, retried by the client), a healthy attempt 3,
 * and a 4401 Unauthorized close the client treats as terminal.
 */
class GraphqlWsPackAcceptanceTest {

  @RegisterExtension
  static WsChaosExtension wschaos = WsChaosExtension.builder()
      .plan(PlanCatalog.load("graphql-ws").withRule(Rule.of(Match.attempt(AttemptRange.exactly(2)),
          Trigger.when(MessageMatch.json("type", "subscribe")), new CloseFault(4403, "Forbidden"))))
      .build();

  @Test
  void referenceClientRetries1012And4403ButNot4401() throws InterruptedException {
    Chaos chaos = wschaos.chaos();
    try (GraphqlWsNodeClient client = GraphqlWsNodeClient.start(wschaos.wsUrl("/graphql?clientId=gql-1"))) {
      try {
        await().atMost(Duration.ofSeconds(15)).until(() -> client.nextsOnConnection(1) >= 3);
        chaos.now().forClient("gql-1").closeAll(1012, "service restart");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.nextsOnConnection(3) >= 3);
        chaos.now().forClient("gql-1").closeAll(4401, "Unauthorized");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.milestones().stream()
            .anyMatch(line -> line.contains("\"error\"")));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(e.getMessage() + "\nthe client's events: " + client.events(), e);
      }

      assertThat(client.milestones()).as("what the client observed, in order").containsExactly(
          "{\"event\":\"connected\",\"protocol\":\"graphql-transport-ws\"}",
          "{\"event\":\"closed\",\"code\":1012,\"reason\":\"service restart\"}",
          "{\"event\":\"connected\",\"protocol\":\"graphql-transport-ws\"}",
          "{\"event\":\"closed\",\"code\":4403,\"reason\":\"Forbidden\"}",
          "{\"event\":\"connected\",\"protocol\":\"graphql-transport-ws\"}",
          "{\"event\":\"closed\",\"code\":4401,\"reason\":\"Unauthorized\"}",
          "{\"event\":\"error\",\"code\":4401,\"reason\":\"Unauthorized\",\"message\":\"undefined\"}");
      assertThat(client.nextsOnConnection(2)).as("attempt 2 closed on subscribe: no next").isZero();
      long lastBefore = client.seqs().get((int) client.nextsOnConnection(1) - 1);
      assertThat(client.seqs().get((int) client.nextsOnConnection(1)))
          .as("graphql-ws resubscribes with the same operation id: the numbering goes on (a gap if events fell "
              + "while away)")
          .isGreaterThan(lastBefore);
    }

    ClientReport report = chaos.client("gql-1");
    assertThat(report).reconnectedTimes(2).neverRetriedAfter(4401)
        .as("the pack's close-code convention matches the reference client: 4403 retried, 4401 not")
        .doesNotHaveFinding(Check.RETRIED_TERMINAL_PROTOCOL_CLOSE);
    assertThat(report.timeline()).as("ready at connection_ack on every attempt")
        .allSatisfy(attempt -> assertThat(attempt.readyMillis()).isNotNull());
    assertThat(report.timeline().get(1).disconnect().code()).isEqualTo(4403);
  }
}
