package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.analytics.Synthetic.T0;
import static dev.wschaos.simulator.analytics.Synthetic.WALL0;
import static dev.wschaos.simulator.analytics.Synthetic.nanos;
import static dev.wschaos.simulator.analytics.Synthetic.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Recovery after a fleet event measured to ready, beside recovery to the upgrade. */
class ReadyRecoveryTest {

  /** Client i is closed at 1000 ms, reconnects at 1000 + 100 i and is ready 50 ms (10 clients: 50..95 ms) later. */
  private static Recording fleet(boolean speaksReady) {
    List<Attempt> attempts = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      String client = "c" + i;
      attempts.add(Attempt.accepted(client, 1, nanos(0), wall(0), false, nanos(1))
          .withDisconnect(Disconnect.of(nanos(1000), wall(1000), DisconnectKind.SERVER_CLOSE, 1012, "restart")));
      double back = 1000 + 100 * i;
      Attempt again = Attempt.accepted(client, 2, nanos(back), wall(back), false, nanos(back + 1));
      attempts.add(speaksReady ? again.withProtocol(nanos(back + 50 + 5 * i), List.of()) : again);
    }
    Set<String> all = new java.util.LinkedHashSet<>();
    attempts.forEach(a -> all.add(a.client()));
    return Recording.of(T0, WALL0, nanos(5000), attempts, List.of(new FleetEvent(nanos(1000), wall(1000),
        "close all 1012", all)));
  }

  @Test
  void recoveryIsMeasuredToReadyBesideTheUpgrade() {
    ReconnectReport report = ReconnectAnalytics.analyze(fleet(true));
    EventRecovery recovery = report.fleet().recoveries().get(0);

    assertThat(recovery.p50Millis()).isEqualTo(500);
    assertThat(recovery.p100Millis()).isEqualTo(1000);
    assertThat(recovery.toReady().recovered()).isEqualTo(10);
    assertThat(recovery.toReady().p50Millis()).isEqualTo(575);
    assertThat(recovery.toReady().p100Millis()).isEqualTo(1100);
    assertThat(report.clients().get(0).timeline().get(1).readyMillis()).isEqualTo(54);
    assertThat(ReportJson.toJson(report)).contains("\"toReady\"", "\"readyMillis\"");
    assertThat(HtmlReport.render(report)).contains("<tr class=\"ready\"><td colspan=\"2\">to ready</td>");
  }

  @Test
  void withoutReadyStepsThereIsNoRecoveryToReady() {
    ReconnectReport report = ReconnectAnalytics.analyze(fleet(false));

    assertThat(report.fleet().recoveries().get(0).toReady()).isNull();
    assertThat(ReportJson.toJson(report)).doesNotContain("toReady", "readyMillis");
    assertThat(HtmlReport.render(report)).doesNotContain("to ready</td>");
  }
}
