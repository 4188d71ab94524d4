package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.PlanMapper;
import dev.wschaos.simulator.support.RawClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every upgrade the journal receives ends in exactly one journaled end ({@code upgrade-rejected} or {@code closed}),
 * even when the client leaves, or an outage closes the port, while a fault is still deciding the answer; then the
 * reconnect analytics follow no connection, {@code connections()} lists none, and the plan's capacity is whole again.
 */
class ConnectionEndJournaledAcceptanceTest {

  private static final Plan PLAN = PlanLoader.parse("""
      name: ends
      limits: {maxConnections: 2}
      rules:
        - {name: slow, match: {path: /slow}, fault: {type: slow-handshake, delay: 400ms}}
        - {name: late-reject, match: {path: /late-reject}, fault: {type: reject, status: 503, delay: 400ms}}
        - {name: slow-headers, match: {path: /slow-headers}, fault: {type: slow-headers, interval: 200ms}}
        - {name: stall, match: {path: /stall}, fault: {type: stall, for: 400ms}}
      """, "ends");

  @ParameterizedTest(name = "{0}, client leaves before the answer")
  @ValueSource(strings = {"/slow", "/late-reject", "/slow-headers", "/stall", "/ws"})
  void clientLeavingBeforeTheAnswerEndsTheUpgradeInTheJournal(String path) throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().plan(PLAN).start()) {
      for (boolean reset : new boolean[] {false, true}) {
        RawClient client = RawClient.open(server.wsUrl("/"));
        client.sendRequest("GET", path + "?clientId=leaver", RawClient.upgradeHeaders(server.wsUrl("/")));
        if (reset) {
          client.reset();
        } else {
          client.close();
        }
      }
      everyUpgradeEndedOnce(server, 2);
    }
  }

  @ParameterizedTest(name = "{0}, outage before the answer")
  @ValueSource(strings = {"/slow", "/late-reject"})
  void outageBeforeTheAnswerEndsTheUpgradeInTheJournal(String path) throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().plan(PLAN).start();
         RawClient client = RawClient.open(server.wsUrl("/"))) {
      client.sendRequest("GET", path + "?clientId=outage", RawClient.upgradeHeaders(server.wsUrl("/")));
      await().atMost(Duration.ofSeconds(10)).until(() -> received(server) == 1);
      server.act(PlanMapper.yaml().readValue("{type: outage, duration: 100ms}", FleetAction.class));
      assertThat(client.readToEnd(10_000)).isNotEqualTo(RawClient.End.TIMEOUT);
      await().atMost(Duration.ofSeconds(10)).until(server::listening);
      everyUpgradeEndedOnce(server, 1);
    }
  }

  private static long received(WsChaosServer server) {
    return events(server).stream().filter(e -> e.type() == EventType.UPGRADE_RECEIVED).count();
  }

  private static List<JournalEvent> events(WsChaosServer server) {
    return server.journal().query(JournalQuery.all()).events();
  }

  private static void everyUpgradeEndedOnce(WsChaosServer server, int upgrades) throws Exception {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<JournalEvent> events = events(server);
      Map<Long, Long> ends = events.stream()
          .filter(e -> Set.of(EventType.UPGRADE_REJECTED, EventType.CLOSED).contains(e.type()))
          .collect(Collectors.groupingBy(JournalEvent::connectionId, Collectors.counting()));
      Set<Long> upgraded = events.stream().filter(e -> e.type() == EventType.UPGRADE_RECEIVED)
          .map(JournalEvent::connectionId).collect(Collectors.toSet());
      assertThat(upgraded).as("upgrades received").hasSize(upgrades);
      assertThat(ends).as("end events per upgrade, journal: %s", events)
          .isEqualTo(upgraded.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)));
      assertThat(server.footprint().analyticsFollowing()).as("connections analytics follow").isZero();
      assertThat(server.connections()).as("GET /connections").isEmpty();
    });
    try (RawClient healthy = RawClient.upgraded(server.wsUrl("/ws?clientId=after"))) {
      healthy.sendText("capacity back");
      assertThat(healthy.readFrame().text()).as("the plan's connection slots are free again")
          .isEqualTo("capacity back");
    }
  }
}
