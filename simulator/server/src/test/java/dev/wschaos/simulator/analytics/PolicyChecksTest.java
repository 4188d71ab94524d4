package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyChecksTest {

  private static ClientReport analyze(Synthetic s, double endMillis, AnalyticsSettings settings) {
    ReconnectReport report = ReconnectAnalytics.analyze(s.recording(endMillis), settings);
    return report.clients().get(0);
  }

  private static List<Check> checks(ClientReport client) {
    return client.findings().stream().map(Finding::check).toList();
  }

  @Test
  void reconnectAfter1008IsFlaggedWithItsEvidence() {
    Synthetic s = new Synthetic("c1").accepted(false).open(500).closedByServer(1008, "policy").after(40)
        .accepted(false);

    ClientReport client = analyze(s, s.now() + 1000, AnalyticsSettings.defaults());

    assertThat(checks(client)).containsExactly(Check.RECONNECTED_AFTER_TERMINAL_CLOSE);
    Finding f = client.findings().get(0);
    assertThat(f.attempts()).containsExactly(2);
    assertThat(f.code()).isEqualTo(1008);
    assertThat(f.delayMillis()).isEqualTo(40);
    assertThat(f.message()).isEqualTo("attempt 2 came 40 ms after attempt 1 was closed with terminal code 1008");
  }

  @Test
  void applicationTerminalCodesAreConfigurable() {
    Synthetic s = new Synthetic("c1").accepted(false).open(500).closedByServer(4003, "banned").after(1000)
        .accepted(false);

    assertThat(checks(analyze(s, s.now() + 1000, AnalyticsSettings.defaults()))).isEmpty();
    assertThat(checks(analyze(s, s.now() + 1000, AnalyticsSettings.defaults().withTerminalCodes("4000-4099"))))
        .containsExactly(Check.RECONNECTED_AFTER_TERMINAL_CLOSE);
  }

  @Test
  void retryBeforeRetryAfterIsFlaggedAndWaitingIsNot() {
    Synthetic s = new Synthetic("c1").rejected(503, 2).after(500).rejected(429, 1).after(1200).accepted(false);

    ClientReport client = analyze(s, s.now() + 1000, AnalyticsSettings.defaults());

    assertThat(checks(client)).containsExactly(Check.RETRIED_BEFORE_ADVISED_DELAY);
    Finding f = client.findings().get(0);
    assertThat(f.attempts()).containsExactly(2);
    assertThat(f.status()).isEqualTo(503);
    assertThat(f.delayMillis()).isEqualTo(500);
    assertThat(f.limitMillis()).isEqualTo(2000);
  }

  @Test
  void retryBeforeTheDelayA1013ReasonAskedForIsFlagged() {
    Synthetic s = new Synthetic("c1").accepted(false).closedByServer(1013, "try again later; retry-after=2")
        .after(300).accepted(false).closedByServer(1012, "service restart; retry-after=1").after(1500)
        .accepted(false);

    ClientReport client = analyze(s, s.now() + 1000, AnalyticsSettings.defaults());

    assertThat(checks(client)).containsExactly(Check.RETRIED_BEFORE_ADVISED_DELAY);
    assertThat(client.findings().get(0).attempts()).containsExactly(2);
    assertThat(client.findings().get(0).code()).isEqualTo(1013);
  }

  @Test
  void retriesFasterThanTheMinimumAreCountedInOneFinding() {
    Synthetic s = new Synthetic("c1").rejected(503, null);
    for (int i = 0; i < 5; i++) {
      s.after(5).rejected(503, null);
    }
    s.after(300).accepted(false);

    ClientReport client = analyze(s, s.now() + 1000, AnalyticsSettings.defaults()
        .withMinimumDelay(Duration.ofMillis(100)));

    assertThat(checks(client)).containsExactly(Check.RETRIED_TOO_FAST);
    assertThat(client.findings().get(0).occurrences()).isEqualTo(5);
    assertThat(client.findings().get(0).attempts()).containsExactly(2, 3, 4, 5, 6);
    assertThat(client.findings().get(0).limitMillis()).isEqualTo(100);
  }

  @Test
  void aClientThatNeverCameBackIsFlaggedOnlyOnceTheWindowHasPassed() {
    Synthetic s = new Synthetic("c1").accepted(false).open(2000).dropped();
    double dropAt = s.now();

    assertThat(checks(analyze(s, dropAt + 10_000, AnalyticsSettings.defaults()))).isEmpty();
    ClientReport late = analyze(s, dropAt + 31_000, AnalyticsSettings.defaults());
    assertThat(checks(late)).containsExactly(Check.NOT_BACK_WITHIN_WINDOW);
    assertThat(late.findings().get(0).limitMillis()).isEqualTo(30_000);
    assertThat(late.findings().get(0).attempts()).containsExactly(1);
  }

  @Test
  void aClientThatCameBackLateIsFlaggedButOneThatLeftByItselfIsNot() {
    Synthetic late = new Synthetic("c1").accepted(false).open(100).dropped().after(45_000).accepted(false);
    Synthetic left = new Synthetic("c2").accepted(false).open(100).closedByClient(1000);

    ClientReport lateClient = analyze(late, late.now() + 1000, AnalyticsSettings.defaults());
    assertThat(checks(lateClient)).containsExactly(Check.NOT_BACK_WITHIN_WINDOW);
    assertThat(lateClient.findings().get(0).delayMillis()).isEqualTo(45_000);
    assertThat(checks(analyze(left, left.now() + 60_000, AnalyticsSettings.defaults()))).isEmpty();
  }

  @Test
  void moreFailedAttemptsInARowThanTheMaximumIsOneFinding() {
    Synthetic s = new Synthetic("c1").rejected(503, null);
    for (int i = 0; i < 11; i++) {
      s.after(200).rejected(503, null);
    }

    ClientReport client = analyze(s, s.now() + 1000, AnalyticsSettings.defaults().withMaxAttempts(10));

    assertThat(checks(client)).containsExactly(Check.TOO_MANY_ATTEMPTS);
    assertThat(client.findings().get(0).attempts()).containsExactly(11);
    assertThat(client.findings().get(0).message()).isEqualTo("attempts 1-11 failed in a row, more than the maximum of 10");
  }

  @Test
  void aStableConnectionStartsANewRun() {
    Synthetic s = new Synthetic("c1");
    for (int i = 0; i < 8; i++) {
      s.rejected(503, null).after(200);
    }
    s.accepted(false).open(5000).dropped().after(200);
    for (int i = 0; i < 8; i++) {
      s.rejected(503, null).after(200);
    }
    s.accepted(false);

    ClientReport client = analyze(s, s.now() + 1000, AnalyticsSettings.defaults().withMaxAttempts(10));

    assertThat(checks(client)).isEmpty();
    assertThat(client.timeline().get(9).retryIndex()).isZero();
    assertThat(client.backoff().kind()).isEqualTo(BackoffKind.CONSTANT);
  }

  @Test
  void reconnectsWithoutResumeAreFlaggedWhenTheBehaviourIsATicker() {
    Synthetic s = new Synthetic("c1").accepted(false).open(3000).dropped().after(500).accepted(false).open(3000)
        .dropped().after(500).accepted(true);

    assertThat(checks(analyze(s, s.now() + 1000, AnalyticsSettings.defaults()))).isEmpty();
    ClientReport client = analyze(s, s.now() + 1000, AnalyticsSettings.defaults().withExpectResume(true));
    assertThat(checks(client)).containsExactly(Check.RECONNECTED_WITHOUT_RESUME);
    assertThat(client.findings().get(0).attempts()).containsExactly(2);
  }

  @Test
  void timelineCarriesDelaysAndDisconnects() {
    Synthetic s = new Synthetic("c1").rejected(503, 1).after(1100).accepted(false).open(2000)
        .closedByServer(1011, "boom");

    ClientReport client = analyze(s, s.now() + 1000, AnalyticsSettings.defaults());

    assertThat(client.attempts()).isEqualTo(2);
    assertThat(client.rejected()).isEqualTo(1);
    assertThat(client.timeline().get(1).delayMillis()).isEqualTo(1100);
    assertThat(client.timeline().get(1).connectedMillis()).isEqualTo(2000);
    assertThat(client.timeline().get(1).disconnect().code()).isEqualTo(1011);
    assertThat(client.findings()).isEmpty();
  }
}
