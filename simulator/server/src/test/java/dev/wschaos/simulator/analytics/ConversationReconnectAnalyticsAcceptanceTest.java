package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.junit.WsChaosExtension;
import dev.wschaos.simulator.plan.PlanLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reconnect analytics in protocol terms, over real sockets with the JDK client speaking the made-up chat protocol
 * ({@code conversations/chat.yaml}: auth is marked {@code ready: true}, subscribe starts a feed, resume replays it).
 * Each client subscribes, is restarted with 1012, reconnects and then resumes, does nothing, or subscribes afresh.
 */
class ConversationReconnectAnalyticsAcceptanceTest {

  @RegisterExtension
  static WsChaosExtension wschaos = WsChaosExtension.builder()
      .plan(PlanLoader.load(Path.of("src/test/resources/conversations/chat.yaml")))
      .build();

  @Test
  void aClientThatResumesIsReadyResubscribedAndGapless() throws Exception {
    Chaos chaos = wschaos.chaos();
    long seen = firstConnectionRestarted("resumer");
    try (ChatSession second = ChatSession.ready(chat(), "resumer").resume("lobby", seen)) {
      second.eventsUpTo(seen + 3);

      ClientReport report = chaos.client("resumer");
      assertThat(report).reconnectedTimes(1).isReady().resubscribed().resumedWithoutGap().hasNoFindings();
      TimelineEntry reconnect = report.timeline().get(1);
      assertThat(reconnect.readyMillis()).as("time to ready of attempt 2").isNotNull().isNotNegative();
      assertThat(reconnect.feeds()).containsExactly(new FeedUse("lobby", null, true, seen, false));
      assertThat(report.timeline().get(0).feeds()).singleElement()
          .satisfies(f -> assertThat(f.resumed()).isFalse())
          .satisfies(f -> assertThat(f.afterSeq()).as("a new feed skips nothing").isZero());

      EventRecovery recovery = wschaos.server().reconnectReport().fleet().recoveries().get(0);
      assertThat(recovery.recovered()).isEqualTo(1);
      assertThat(recovery.toReady()).as("recovery measured to ready").isNotNull();
      assertThat(recovery.toReady().recovered()).isEqualTo(1);
      assertThat(recovery.toReady().p100Millis()).as("ready comes after the upgrade")
          .isGreaterThanOrEqualTo(recovery.p100Millis());
    }

    List<EventType> milestones = wschaos.server().journal().query(JournalQuery.all().clientId("resumer")
            .types(Set.of(EventType.READY, EventType.FEED_STARTED, EventType.FEED_RESUMED))).events().stream()
        .map(JournalEvent::type).toList();
    assertThat(milestones).as("journaled milestones, not messages").containsExactly(EventType.READY,
        EventType.FEED_STARTED, EventType.READY, EventType.FEED_RESUMED);
  }

  @Test
  void aClientThatNeverResubscribesGetsTheFinding() throws Exception {
    Chaos chaos = wschaos.chaos();
    firstConnectionRestarted("forgetful");
    try (ChatSession second = ChatSession.ready(chat(), "forgetful")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> chaos.client("forgetful").has(Check.NEVER_RESUBSCRIBED));

      ClientReport report = chaos.client("forgetful");
      assertThat(report).isReady();
      assertThatThrownBy(() -> assertThat(report).resubscribed())
          .hasMessageContaining("Expecting client forgetful to subscribe again after reconnecting, but attempt 2 "
              + "started no feed, although attempt 1 had 'lobby'");
    }
  }

  @Test
  void aClientThatSubscribesAfreshInsteadOfResumingGetsTheFinding() throws Exception {
    Chaos chaos = wschaos.chaos();
    firstConnectionRestarted("fresh");
    try (ChatSession second = ChatSession.ready(chat(), "fresh").subscribe("lobby")) {
      second.eventsUpTo(1);

      ClientReport report = chaos.client("fresh");
      assertThat(report).resubscribed().hasFinding(Check.RESUBSCRIBED_WITHOUT_RESUME);
      assertThatThrownBy(() -> assertThat(report).resumedWithoutGap())
          .hasMessageContaining("Expecting client fresh to resume its feeds without a gap, but attempt 2 subscribed "
              + "to feed 'lobby' afresh instead of resuming it (attempt 1 had it;");
    }
  }

  /** Connect, authenticate, subscribe, read a few events, and be restarted with 1012; returns the last seq seen. */
  private static long firstConnectionRestarted(String clientId) throws Exception {
    try (ChatSession first = ChatSession.ready(chat(), clientId).subscribe("lobby")) {
      long seen = first.eventsUpTo(3);
      wschaos.chaos().now().forClient(clientId).closeAll(1012, "service restart");
      assertThat(first.awaitClose().code()).isEqualTo(1012);
      return seen;
    }
  }

  private static URI chat() {
    return wschaos.wsUrl("/chat");
  }
}
