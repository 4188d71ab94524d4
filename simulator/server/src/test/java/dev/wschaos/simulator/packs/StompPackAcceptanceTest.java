package dev.wschaos.simulator.packs;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.DisconnectKind;
import dev.wschaos.simulator.analytics.TimelineEntry;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.conversation.ErrorReplyFault;
import dev.wschaos.simulator.junit.WsChaosExtension;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.Reply;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.Rule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code stomp} pack against Spring's {@code WebSocketStompClient} (spring-messaging 7.0, Tomcat's WebSocket
 * client): CONNECTED and a MESSAGE feed, then a 1012 restart (transport fault), then on attempt 2 an ERROR frame
 * answering SUBSCRIBE followed by a 1002 close (protocol fault), then a healthy attempt 3.
 */
class StompPackAcceptanceTest {

  static final ErrorReplyFault SUBSCRIBE_REFUSED = new ErrorReplyFault(MessageMatch.text("\\ASUBSCRIBE\\r?\\n"),
      List.of(Reply.text("ERROR\nmessage:access denied\ncontent-type:text/plain\n\nno subscriptions today\0")),
      new CloseFault(1002, "stomp error"));

  @RegisterExtension
  static WsChaosExtension wschaos = WsChaosExtension.builder()
      .plan(PlanCatalog.load("stomp").withRule(Rule.of(Match.attempt(AttemptRange.exactly(2)), SUBSCRIBE_REFUSED)))
      .build();

  @Test
  void springStompClientGetsAFeedThenMeetsARestartAndAnErrorFrameAndComesBack() {
    Chaos chaos = wschaos.chaos();
    try (SpringStompApp app = new SpringStompApp(wschaos.wsUrl("/stomp?clientId=spring-1"), "/topic/prices")) {
      app.start();
      try {
        await().atMost(Duration.ofSeconds(10)).until(() -> app.messagesOn(1) >= 3);
        chaos.now().forClient("spring-1").closeAll(1012, "service restart");
        await().atMost(Duration.ofSeconds(10)).until(() -> app.messagesOn(3) >= 3);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(e.getMessage() + "\nthe application's log: " + app.log(), e);
      }

      assertThat(app.log()).as("what the application saw, in order").startsWith(
          "CONNECTED version:1.2 heart-beat:1000,0",
          "transport error ConnectionLostException: Connection closed",
          "CONNECTED version:1.2 heart-beat:1000,0",
          "ERROR message:access denied body:no subscriptions today",
          "transport error ConnectionLostException: Connection closed",
          "CONNECTED version:1.2 heart-beat:1000,0");
      assertThat(app.messagesOn(2)).as("attempt 2's SUBSCRIBE was refused: no MESSAGE").isZero();
      SpringStompApp.Received first = app.messages().get(0);
      assertThat(first.subscription()).isEqualTo("0");
      assertThat(first.destination()).isEqualTo("/topic/prices");
      assertThat(first.messageId()).isEqualTo("0-1");
      assertThat(first.body()).isEqualTo("{\"seq\":1}");
      List<Long> seqs = app.messages().stream().map(m -> Long.parseLong(m.body().replaceAll("\\D", ""))).toList();
      long lastBefore = seqs.get((int) app.messagesOn(1) - 1);
      assertThat(seqs.get((int) app.messagesOn(1)))
          .as("resubscribing continues the client's numbering (no restart from 1; a gap if events fell while away)")
          .isGreaterThan(lastBefore);
    }

    ClientReport report = chaos.client("spring-1");
    assertThat(report).reconnectedTimes(2);
    List<TimelineEntry> timeline = report.timeline();
    assertThat(timeline.get(0).disconnect().kind()).isEqualTo(DisconnectKind.SERVER_CLOSE);
    assertThat(timeline.get(0).disconnect().code()).isEqualTo(1012);
    assertThat(timeline.get(1).disconnect().code()).isEqualTo(1002);
    assertThat(timeline.get(1).disconnect().reason()).isEqualTo("stomp error");
  }
}
