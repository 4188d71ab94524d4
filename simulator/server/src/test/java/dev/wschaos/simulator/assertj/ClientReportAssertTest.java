package dev.wschaos.simulator.assertj;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.analytics.AttemptOutcome;
import dev.wschaos.simulator.analytics.BackoffFit;
import dev.wschaos.simulator.analytics.BackoffKind;
import dev.wschaos.simulator.analytics.Check;
import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.Disconnect;
import dev.wschaos.simulator.analytics.DisconnectKind;
import dev.wschaos.simulator.analytics.Finding;
import dev.wschaos.simulator.analytics.TimelineEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact text of failing assertions, on a hand-made history: the timeline table is part of every message. */
class ClientReportAssertTest {

  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final BackoffFit TOO_FEW = new BackoffFit(BackoffKind.NOT_ENOUGH_ATTEMPTS, null, null, null, null,
      null, null, null, null, 2, "not enough attempts: 2 backoff delays, at least 4 needed");

  private static final String TIMELINE = """
      attempts of kiosk-7 (3; backoff: not enough attempts: 2 backoff delays, at least 4 needed):
          #   at(ms)  delay(ms)  outcome       ended
          1        0          -  accepted 101  server-close 1008 'not allowed' after 40 ms
          2      160        120  rejected 503  retry-after 2 s
          3      300        140  accepted 101  (open)
      finding reconnected-after-terminal-close: attempt 2 came 120 ms after attempt 1 was closed with terminal code 1008
      finding retried-before-advised-delay: attempt 3 came 140 ms after a 503 advising 2000 ms""";

  private static ClientReport kiosk() {
    List<TimelineEntry> timeline = List.of(
        new TimelineEntry(1, T0, 500, AttemptOutcome.ACCEPTED, 101, null, false, null, 0, 40L,
            new Disconnect(0, T0.plusMillis(40), DisconnectKind.SERVER_CLOSE, 1008, "not allowed", null)),
        new TimelineEntry(2, T0.plusMillis(160), 660, AttemptOutcome.REJECTED, 503, 2, false, 120L, 1, null, null),
        new TimelineEntry(3, T0.plusMillis(300), 800, AttemptOutcome.ACCEPTED, 101, null, false, 140L, 2, null, null));
    List<Finding> findings = List.of(
        new Finding(Check.RECONNECTED_AFTER_TERMINAL_CLOSE, "kiosk-7", List.of(2), 1, T0, 1008, null, 120L, null,
            "attempt 2 came 120 ms after attempt 1 was closed with terminal code 1008"),
        new Finding(Check.RETRIED_BEFORE_ADVISED_DELAY, "kiosk-7", List.of(3), 1, T0, null, 503, 140L, 2000L,
            "attempt 3 came 140 ms after a 503 advising 2000 ms"));
    return new ClientReport("kiosk-7", 3, 2, 1, 0, true, TOO_FEW, findings, timeline);
  }

  @Test
  void passingAssertionsChain() {
    assertThat(kiosk()).reconnectedTimes(2).reconnectedAtLeast(1).isConnected()
        .withBackoff(BackoffKind.NOT_ENOUGH_ATTEMPTS).hasFinding(Check.RECONNECTED_AFTER_TERMINAL_CLOSE)
        .doesNotHaveFinding(Check.TOO_MANY_ATTEMPTS).neverRetriedAfter(1006);
  }

  @Test
  void reconnectedTimesShowsTheTimeline() {
    assertThatThrownBy(() -> assertThat(kiosk()).reconnectedTimes(3))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expecting client kiosk-7 to have reconnected 3 times, but it reconnected 2 times (3 attempts)\n"
            + TIMELINE);
  }

  @Test
  void neverRetriedAfterNamesTheOffendingAttempt() {
    assertThatThrownBy(() -> assertThat(kiosk()).neverRetriedAfter(1008))
        .hasMessage("Expecting client kiosk-7 never to retry after close code 1008, but attempt 2 came 120 ms after "
            + "attempt 1 was closed with 1008\n" + TIMELINE);
  }

  @Test
  void respectedRetryAfterQuotesTheFinding() {
    assertThatThrownBy(() -> assertThat(kiosk()).respectedRetryAfter())
        .hasMessageStartingWith("Expecting client kiosk-7 to respect the advised retry delays, but attempt 3 came "
            + "140 ms after a 503 advising 2000 ms\n")
        .hasMessageEndingWith(TIMELINE);
  }

  @Test
  void backoffAndFindingsFailures() {
    assertThatThrownBy(() -> assertThat(kiosk()).withExponentialBackoff())
        .hasMessageStartingWith("Expecting client kiosk-7 to back off exponentially, but its backoff is not enough "
            + "attempts: 2 backoff delays, at least 4 needed\n");
    assertThatThrownBy(() -> assertThat(kiosk()).withBackoff(BackoffKind.CONSTANT))
        .hasMessageStartingWith("Expecting client kiosk-7 to back off constant, but its backoff is not enough");
    assertThatThrownBy(() -> assertThat(kiosk()).hasNoFindings())
        .hasMessageStartingWith("Expecting client kiosk-7 to have no findings, but it has "
            + "reconnected-after-terminal-close, retried-before-advised-delay\n");
    assertThatThrownBy(() -> assertThat(kiosk()).hasFinding(Check.TOO_MANY_ATTEMPTS))
        .hasMessageStartingWith("Expecting client kiosk-7 to have the finding too-many-attempts, but it has "
            + "reconnected-after-terminal-close, retried-before-advised-delay\n");
    assertThatThrownBy(() -> assertThat(kiosk()).alwaysResumed())
        .hasMessageStartingWith("Expecting client kiosk-7 to resume on every reconnect, but attempt 2 carried no "
            + "resume parameter\n");
  }

  @Test
  void aDescriptionIsKept() {
    assertThatThrownBy(() -> assertThat(kiosk()).as("kiosk after policy close").neverReconnected())
        .hasMessageStartingWith("[kiosk after policy close] Expecting client kiosk-7 to have reconnected 0 times");
  }
}
