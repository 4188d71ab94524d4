package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.support.Simulators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Real JDK clients with known reconnect policies against a real simulator: the server's own reconnect report must
 * recover each policy and raise exactly the expected findings. The clients also keep their own records, the ground
 * truth the server's view is checked against.
 */
class ReconnectAnalyticsAcceptanceTest {

  /**
   * With the default 20 ms slack, gaps under 30 ms are "too fast". The server sees a gap from the end of one attempt
   * to the arrival of the next, so an immediate retry still shows about 10 ms (a new connection and request).
   */
  private static final Duration MINIMUM = Duration.ofMillis(50);
  private static final long TOO_FAST_MS = 30;
  /** Client-side delays this close to the threshold may land on either side of it once seen by the server. */
  private static final long AMBIGUOUS_MS = 15;

  private static Match client(String id, String attempts) {
    return new Match(null, id, AttemptRange.parse(attempts), null, null, null);
  }

  @Test
  void recoversEachClientsPolicyAndFlagsExactlyTheBadOnes() throws Exception {
    Plan plan = Plan.named("analytics").withRules(List.of(
        Rule.of(client("expo", "1-12"), RejectFault.status(503)),
        Rule.of(client("eager", "1-15"), RejectFault.status(503)),
        Rule.of(client("rude", "1-3"), new CloseFault(1008, "policy violation"))));
    AttemptRecorder clientSide = AttemptRecorder.create();
    ReconnectingClient expo = ReconnectingClient.exponential("expo", 100, 2, 2000, new Random(5));
    ReconnectingClient eager = ReconnectingClient.immediate("eager");
    ReconnectingClient rude = ReconnectingClient.ignoringTerminalCodes("rude", 200);
    ReconnectReport report;
    try (WsChaosServer server = Simulators.start(plan)) {
      expo.start(server.wsUrl("/feed?clientId=expo"), clientSide);
      eager.start(server.wsUrl("/feed?clientId=eager"), clientSide);
      rude.start(server.wsUrl("/feed?clientId=rude"), clientSide);
      expo.awaitDone(Duration.ofSeconds(60));
      eager.awaitDone(Duration.ofSeconds(10));
      rude.awaitDone(Duration.ofSeconds(10));
      report = server.reconnectReport(AnalyticsSettings.defaults().withMinimumDelay(MINIMUM));
    }
    ReconnectReport clientView = ReconnectAnalytics.analyze(clientSide.snapshot(),
        AnalyticsSettings.defaults().withMinimumDelay(MINIMUM));
    for (String client : List.of("expo", "eager", "rude")) {
      assertThat(report.client(client).orElseThrow().attempts()).as("attempts the server saw from " + client)
          .isEqualTo(clientView.client(client).orElseThrow().attempts());
    }
    HtmlReport.write(report, Path.of("target", "reconnect-acceptance.html"));

    ClientReport expoReport = report.client("expo").orElseThrow();
    assertThat(expoReport.attempts()).isEqualTo(13);
    assertThat(expoReport.backoff().kind()).as(expoReport.backoff().summary())
        .isIn(BackoffKind.CAPPED_EXPONENTIAL, BackoffKind.EXPONENTIAL);
    assertThat(expoReport.backoff().factor()).as(expoReport.backoff().summary()).isCloseTo(2.0, within(0.7));
    assertThat(expoReport.backoff().jitter()).isIn(Jitter.FULL, Jitter.PARTIAL);
    long shortestDraw = expo.observed().stream().skip(1).mapToLong(o -> o.delayBeforeMillis()).min().orElseThrow();
    List<Check> expoChecks = expoReport.findings().stream().map(Finding::check).toList();
    if (shortestDraw < TOO_FAST_MS - AMBIGUOUS_MS) {
      assertThat(expoChecks).as("expo drew %d ms", shortestDraw).containsExactly(Check.RETRIED_TOO_FAST);
    } else if (shortestDraw > TOO_FAST_MS + AMBIGUOUS_MS) {
      assertThat(expoChecks).as("expo drew at least %d ms", shortestDraw).isEmpty();
    } else {
      assertThat(expoChecks).as("expo drew %d ms, near the threshold", shortestDraw)
          .isSubsetOf(Check.RETRIED_TOO_FAST);
    }

    ClientReport eagerReport = report.client("eager").orElseThrow();
    assertThat(eagerReport.attempts()).isEqualTo(16);
    BackoffFit eagerFit = eagerReport.backoff();
    if (eagerFit.kind() != BackoffKind.IMMEDIATE) {
      assertThat(eagerFit.kind()).as("on a loaded machine the refusals' round trips are the gaps: %s", eagerFit.summary())
          .isEqualTo(BackoffKind.CONSTANT);
      assertThat(eagerFit.baseMillis()).as(eagerFit.summary()).isLessThan(500.0);
    }
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
