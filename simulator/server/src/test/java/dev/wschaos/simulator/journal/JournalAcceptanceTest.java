package dev.wschaos.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.connection.DropFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalAcceptanceTest {

  private static WsChaosServer start(Plan plan) {
    return WsChaosServer.builder().plan(plan).closeTimeout(Duration.ofSeconds(1)).start();
  }

  private static List<JournalEvent> eventsOf(WsChaosServer server, String clientId) {
    return server.journal().query(JournalQuery.all().clientId(clientId)).events();
  }

  private static List<EventType> typesOf(List<JournalEvent> events) {
    return events.stream().map(JournalEvent::type).toList();
  }

  @Test
  void aServerClosedConnectionIsJournalledFromUpgradeToClosed() throws Exception {
    Plan plan = Plan.named("t").withRule(Rule.of(Match.ANY, Trigger.afterMessages(2), new CloseFault(1012, "restart"))
        .named("restart-after-2"));
    try (WsChaosServer server = start(plan);
         JdkClient client = JdkClient.connect(server.wsUrl("/feed?clientId=c1"), Map.of("User-Agent", "journal-test"),
             List.of())) {
      client.send("one");
      client.nextMessage();
      client.send("two");
      assertThat(client.awaitClose().code()).isEqualTo(1012);
      await().atMost(Duration.ofSeconds(5)).until(() -> typesOf(eventsOf(server, "c1")).contains(EventType.CLOSED));

      List<JournalEvent> events = eventsOf(server, "c1");
      assertThat(typesOf(events)).containsExactly(EventType.UPGRADE_RECEIVED, EventType.OPENED,
          EventType.FAULT_APPLIED, EventType.CLOSE_SENT, EventType.CLOSED);
      assertThat(events).extracting(JournalEvent::connectionId).containsOnly(events.get(0).connectionId());
      assertThat(events).extracting(JournalEvent::seq).isSorted();
      assertThat(events).extracting(JournalEvent::nanos).isSorted();
      JournalEvent upgrade = events.get(0);
      assertThat(upgrade.path()).isEqualTo("/feed");
      assertThat(upgrade.attempt()).isEqualTo(1);
      assertThat(upgrade.headers()).containsEntry("User-Agent", "journal-test");
      assertThat(upgrade.time()).isNotNull();
      assertThat(events.get(2).rule()).isEqualTo("restart-after-2");
      assertThat(events.get(2).fault()).isEqualTo("close");
      assertThat(events.get(3).code()).isEqualTo(1012);
      assertThat(events.get(3).reason()).isEqualTo("restart");
      JournalEvent closed = events.get(4);
      assertThat(closed.code()).isEqualTo(1012);
      assertThat(closed.initiator()).isEqualTo("server");
      assertThat(closed.messagesIn()).isEqualTo(2);
      assertThat(closed.messagesOut()).isEqualTo(2);
      assertThat(closed.durationMs()).isNotNegative();
    }
  }

  @Test
  void aClientCloseIsJournalledAsReceived() throws Exception {
    try (WsChaosServer server = start(Plan.healthy())) {
      JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=polite"));
      client.webSocket().sendClose(4000, "bye").get();
      await().atMost(Duration.ofSeconds(5)).until(() -> typesOf(eventsOf(server, "polite")).contains(EventType.CLOSED));
      List<JournalEvent> events = eventsOf(server, "polite");
      assertThat(typesOf(events)).containsExactly(EventType.UPGRADE_RECEIVED, EventType.OPENED,
          EventType.CLOSE_RECEIVED, EventType.CLOSED);
      assertThat(events.get(2).code()).isEqualTo(4000);
      assertThat(events.get(2).reason()).isEqualTo("bye");
      assertThat(events.get(3).initiator()).isEqualTo("client");
      client.close();
    }
  }

  @Test
  void rejectionsDropsAndStrictRefusalsAreJournalled() throws Exception {
    Plan plan = Plan.named("t")
        .withRule(Rule.of(Match.ANY.withClientId("rejected"), RejectFault.status(503)).named("no-entry"))
        .withRule(Rule.of(Match.ANY.withClientId("dropped"), new DropFault()));
    try (WsChaosServer server = start(plan)) {
      JdkClient.connectFailure(server.wsUrl("/?clientId=rejected"));
      try (JdkClient dropped = JdkClient.connect(server.wsUrl("/?clientId=dropped"))) {
        assertThat(dropped.awaitClose().code()).isEqualTo(1006);
      }
      try (RawClient raw = RawClient.open(server.wsUrl())) {
        Map<String, String> headers = RawClient.upgradeHeaders(server.wsUrl());
        headers.put("Sec-WebSocket-Version", "8");
        raw.sendRequest("GET", "/?clientId=old", headers);
        assertThat(raw.readResponse().status()).isEqualTo(426);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> typesOf(eventsOf(server, "dropped")).contains(EventType.CLOSED));

      List<JournalEvent> rejected = eventsOf(server, "rejected");
      assertThat(typesOf(rejected)).containsExactly(EventType.UPGRADE_RECEIVED, EventType.FAULT_APPLIED,
          EventType.UPGRADE_REJECTED);
      assertThat(rejected.get(2).status()).isEqualTo(503);
      assertThat(rejected.get(2).rule()).isEqualTo("no-entry");

      List<JournalEvent> dropped = eventsOf(server, "dropped");
      assertThat(typesOf(dropped)).containsExactly(EventType.UPGRADE_RECEIVED, EventType.OPENED,
          EventType.FAULT_APPLIED, EventType.DROPPED, EventType.CLOSED);
      assertThat(dropped.get(4).initiator()).isEqualTo("server");
      assertThat(dropped.get(4).code()).isEqualTo(1006);

      List<JournalEvent> old = eventsOf(server, "old");
      assertThat(typesOf(old)).containsExactly(EventType.UPGRADE_RECEIVED, EventType.UPGRADE_REJECTED);
      assertThat(old.get(1).status()).isEqualTo(426);
      assertThat(old.get(1).reason()).contains("Sec-WebSocket-Version 8");
      assertThat(old.get(1).rule()).isEqualTo("strict-handshake");
    }
  }

  @Test
  void theRingKeepsTheNewestEventsAndCountsOverflow() throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().journalSize(5).start()) {
      for (int i = 0; i < 3; i++) {
        try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=r" + i))) {
          client.send("x");
          client.nextMessage();
        }
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> server.journal().overflow() >= 4);
      JournalPage page = server.journal().query(JournalQuery.all());
      assertThat(page.events()).hasSize(5);
      assertThat(page.capacity()).isEqualTo(5);
      assertThat(page.events()).extracting(JournalEvent::seq).isSorted();
      assertThat(page.events().get(4).seq()).isEqualTo(page.events().get(0).seq() + 4);
      assertThat(page.overflow()).isEqualTo(page.events().get(4).seq() - 5);
    }
  }

  @Test
  void pagingAndFiltersWalkTheJournal() throws Exception {
    try (WsChaosServer server = start(Plan.healthy())) {
      for (int i = 0; i < 4; i++) {
        try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=p" + i))) {
          client.send("x");
          client.nextMessage();
        }
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> server.journal()
          .query(JournalQuery.all().types(Set.of(EventType.CLOSED))).events().size() == 4);
      JournalPage first = server.journal().query(JournalQuery.all().types(Set.of(EventType.OPENED)).limit(3));
      assertThat(first.events()).hasSize(3);
      assertThat(first.more()).isTrue();
      JournalPage second = server.journal().query(JournalQuery.all().types(Set.of(EventType.OPENED)).after(first.next()));
      assertThat(second.events()).hasSize(1);
      assertThat(second.more()).isFalse();
      assertThat(second.events().get(0).clientId()).isEqualTo("p3");
    }
  }

  @Test
  void journalFileGetsOneJsonLinePerEvent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.jsonl");
    WsChaosServer server = WsChaosServer.builder().journalFile(file).start();
    try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=f1"))) {
      client.send("x");
      client.nextMessage();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> typesOf(eventsOf(server, "f1")).contains(EventType.CLOSED));
    long inMemory = server.journal().events().size();
    server.close();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize((int) inMemory);
    ObjectMapper mapper = JournalJson.mapper();
    List<JournalEvent> read = lines.stream().map(line -> {
      try {
        return mapper.readValue(line, JournalEvent.class);
      } catch (Exception e) {
        throw new AssertionError(line, e);
      }
    }).toList();
    assertThat(read).extracting(JournalEvent::type).contains(EventType.UPGRADE_RECEIVED, EventType.OPENED,
        EventType.CLOSED);
    assertThat(read.get(0).time()).isNotNull();
  }
}
