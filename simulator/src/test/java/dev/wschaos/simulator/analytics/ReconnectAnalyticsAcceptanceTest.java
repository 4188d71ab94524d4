package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.plan.AttemptRange;
import dev.wschaos.simulator.plan.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.support.Simulators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Real JDK clients with known reconnect policies against a real simulator. Until the server feeds an
 * {@link AttemptRecorder} itself, the clients report their own attempts to it (what the server would see, timed on
 * the client side); the analytics must recover each policy and raise exactly the expected findings.
 */
class ReconnectAnalyticsAcceptanceTest {

  /** With the default 20 ms slack, delays under 5 ms are "too fast". */
  private static final Duration MINIMUM = Duration.ofMillis(25);

  private static Match client(String id, String attempts) {
    return new Match(null, id, AttemptRange.parse(attempts), null, null, null);
  }

  @Test
  void recoversEachClientsPolicyAndFlagsExactlyTheBadOnes() throws Exception {
    Plan plan = Plan.named("analytics").withRules(List.of(
        Rule.of(client("expo", "1-12"), RejectFault.status(503)),
        Rule.of(client("eager", "1-15"), RejectFault.status(503)),
        Rule.of(client("rude", "1-3"), new CloseFault(1008, "policy violation"))));
    AttemptRecorder recorder = AttemptRecorder.create();
    ReconnectingClient expo = ReconnectingClient.exponential("expo", 100, 2, 2000, new Random(5));
    ReconnectingClient eager = ReconnectingClient.immediate("eager");
    ReconnectingClient rude = ReconnectingClient.ignoringTerminalCodes("rude", 200);
    try (WsChaosServer server = Simulators.start(plan)) {
      expo.start(server.wsUrl("/feed?clientId=expo"), recorder);
      eager.start(server.wsUrl("/feed?clientId=eager"), recorder);
      rude.start(server.wsUrl("/feed?clientId=rude"), recorder);
      expo.awaitDone(Duration.ofSeconds(60));
      eager.awaitDone(Duration.ofSeconds(10));
      rude.awaitDone(Duration.ofSeconds(10));
    }

    ReconnectReport report = ReconnectAnalytics.analyze(recorder.snapshot(),
        AnalyticsSettings.defaults().withMinimumDelay(MINIMUM));
    HtmlReport.write(report, Path.of("target", "reconnect-acceptance.html"));

    ClientReport expoReport = report.client("expo").orElseThrow();
    assertThat(expoReport.attempts()).isEqualTo(13);
    assertThat(expoReport.backoff().kind()).as(expoReport.backoff().summary())
        .isIn(BackoffKind.CAPPED_EXPONENTIAL, BackoffKind.EXPONENTIAL);
    assertThat(expoReport.backoff().factor()).as(expoReport.backoff().summary()).isCloseTo(2.0, within(0.7));
    assertThat(expoReport.backoff().jitter()).isIn(Jitter.FULL, Jitter.PARTIAL);
    boolean drewTooFast = expo.observed().stream().skip(1).anyMatch(o -> o.delayBeforeMillis() < 5);
    assertThat(expoReport.findings()).extracting(Finding::check).as("expo findings")
        .containsExactlyElementsOf(drewTooFast ? List.of(Check.RETRIED_TOO_FAST) : List.of());

    ClientReport eagerReport = report.client("eager").orElseThrow();
    assertThat(eagerReport.attempts()).isEqualTo(16);
    assertThat(eagerReport.backoff().kind()).isEqualTo(BackoffKind.IMMEDIATE);
    assertThat(eagerReport.findings()).extracting(Finding::check).containsExactly(Check.RETRIED_TOO_FAST);

    ClientReport rudeReport = report.client("rude").orElseThrow();
    assertThat(rudeReport.attempts()).isEqualTo(4);
    assertThat(rudeReport.backoff().kind()).isEqualTo(BackoffKind.NOT_ENOUGH_ATTEMPTS);
    assertThat(rudeReport.findings()).extracting(Finding::check)
        .containsExactly(Check.RECONNECTED_AFTER_TERMINAL_CLOSE);
    assertThat(rudeReport.findings().get(0).occurrences()).isEqualTo(3);
    assertThat(rudeReport.findings().get(0).code()).isEqualTo(1008);
  }
}
