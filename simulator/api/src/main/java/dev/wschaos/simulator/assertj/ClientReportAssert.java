package dev.wschaos.simulator.assertj;

import dev.wschaos.simulator.analytics.AttemptOutcome;
import dev.wschaos.simulator.analytics.BackoffKind;
import dev.wschaos.simulator.analytics.Check;
import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.FeedUse;
import dev.wschaos.simulator.analytics.Finding;
import dev.wschaos.simulator.analytics.TimelineEntry;
import dev.wschaos.simulator.dsl.AttemptTimeline;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one client's reconnect history ({@link ClientReport}, from {@code chaos.client("c1")}). A reconnect is
 * any attempt after the first, accepted or not, as in reconnect analytics. Every failure message ends with the
 * client's attempt timeline, so a failing test explains itself:
 *
 * <pre>
 * Expecting client c1 never to retry after close code 1008, but attempt 2 came 41 ms after attempt 1 was closed with 1008
 * attempts of c1 (2; backoff: not enough attempts: 1 backoff delay, at least 4 needed):
 *     #   at(ms)  delay(ms)  outcome       ended
 *     1        0          -  accepted 101  server-close 1008 'not allowed' after 35 ms
 *     2       76         41  accepted 101  (open)
 * </pre>
 */
public final class ClientReportAssert extends AbstractAssert<ClientReportAssert, ClientReport> {

  ClientReportAssert(ClientReport actual) {
    super(actual, ClientReportAssert.class);
  }

  /** Exactly {@code count} attempts after the first. */
  public ClientReportAssert reconnectedTimes(int count) {
    isNotNull();
    int reconnects = Math.max(0, actual.attempts() - 1);
    if (reconnects != count) {
      fail("to have reconnected " + times(count) + ", but it reconnected " + times(reconnects) + " ("
          + actual.attempts() + " attempt" + (actual.attempts() == 1 ? "" : "s") + ")");
    }
    return this;
  }

  /** At least {@code count} attempts after the first. */
  public ClientReportAssert reconnectedAtLeast(int count) {
    isNotNull();
    int reconnects = Math.max(0, actual.attempts() - 1);
    if (reconnects < count) {
      fail("to have reconnected at least " + times(count) + ", but it reconnected " + times(reconnects));
    }
    return this;
  }

  /** No attempt after the first. */
  public ClientReportAssert neverReconnected() {
    return reconnectedTimes(0);
  }

  /** Backoff classified as exponential, capped or not (see docs/reconnect-analytics.md). */
  public ClientReportAssert withExponentialBackoff() {
    isNotNull();
    BackoffKind kind = actual.backoff().kind();
    if (kind != BackoffKind.EXPONENTIAL && kind != BackoffKind.CAPPED_EXPONENTIAL) {
      fail("to back off exponentially, but its backoff is " + actual.backoff().summary());
    }
    return this;
  }

  /** Backoff classified as {@code kind}. */
  public ClientReportAssert withBackoff(BackoffKind kind) {
    isNotNull();
    if (actual.backoff().kind() != kind) {
      fail("to back off " + kind.id() + ", but its backoff is " + actual.backoff().summary());
    }
    return this;
  }

  /** Never came back before a {@code Retry-After} (503, 429) or a close reason's {@code retry-after=N}. */
  public ClientReportAssert respectedRetryAfter() {
    return doesNotHaveFinding(Check.RETRIED_BEFORE_ADVISED_DELAY, "to respect the advised retry delays");
  }

  /** No attempt after a connection that ended with {@code code} (1006 for drops and resets). */
  public ClientReportAssert neverRetriedAfter(int code) {
    isNotNull();
    List<TimelineEntry> timeline = actual.timeline();
    for (int i = 0; i + 1 < timeline.size(); i++) {
      TimelineEntry ended = timeline.get(i);
      if (ended.disconnect() != null && ended.disconnect().effectiveCode() == code) {
        TimelineEntry next = timeline.get(i + 1);
        fail("never to retry after close code " + code + ", but attempt " + next.number() + " came "
            + (next.delayMillis() == null ? "" : next.delayMillis() + " ms ") + "after attempt " + ended.number()
            + " was closed with " + code);
      }
    }
    return this;
  }

  /** Every attempt after the first accepted one carried the resume parameter (the ticker's {@code lastSeq}). */
  public ClientReportAssert alwaysResumed() {
    isNotNull();
    boolean connectedBefore = false;
    for (TimelineEntry e : actual.timeline()) {
      if (connectedBefore && !e.resumed()) {
        fail("to resume on every reconnect, but attempt " + e.number() + " carried no resume parameter");
      }
      connectedBefore |= e.status() != null && e.status() == 101;
    }
    return this;
  }

  /**
   * A conversation client started or resumed feeds again on every reconnect after a connection that had some
   * (attempts that ended before their conversation was ready are excused).
   */
  public ClientReportAssert resubscribed() {
    isNotNull();
    TimelineEntry withFeeds = null;
    for (TimelineEntry e : actual.timeline()) {
      if (e.outcome() != AttemptOutcome.ACCEPTED) {
        continue;
      }
      boolean excused = e.readyMillis() == null && e.disconnect() != null;
      if (withFeeds != null && e.feeds().isEmpty() && !excused) {
        fail("to subscribe again after reconnecting, but attempt " + e.number() + " started no feed, although attempt "
            + withFeeds.number() + " had " + withFeeds.feeds().stream().map(FeedUse::feed).distinct()
                .collect(Collectors.joining("', '", "'", "'")));
      }
      if (!e.feeds().isEmpty()) {
        withFeeds = e;
      }
    }
    return doesNotHaveFinding(Check.NEVER_RESUBSCRIBED, "to subscribe again after reconnecting");
  }

  /**
   * A conversation client resumed its feeds after reconnecting instead of subscribing afresh and skipping events,
   * wherever the conversation offers a resume (no {@code resubscribed-without-resume}).
   */
  public ClientReportAssert resumedWithoutGap() {
    return doesNotHaveFinding(Check.RESUBSCRIBED_WITHOUT_RESUME, "to resume its feeds without a gap");
  }

  /** The latest attempt's conversation reached ready (a step marked {@code ready: true} ran). */
  public ClientReportAssert isReady() {
    isNotNull();
    TimelineEntry last = actual.timeline().isEmpty() ? null : actual.timeline().get(actual.timeline().size() - 1);
    if (last == null || last.readyMillis() == null) {
      fail("to be ready, but " + (last == null ? "it made no attempt" : "attempt " + last.number() + " never was"));
    }
    return this;
  }

  /** Connected when the report was made. */
  public ClientReportAssert isConnected() {
    isNotNull();
    if (!actual.connectedAtEnd()) {
      fail("to be connected, but it is not");
    }
    return this;
  }

  /** No policy check failed (see the checks in docs/reconnect-analytics.md). */
  public ClientReportAssert hasNoFindings() {
    isNotNull();
    if (!actual.findings().isEmpty()) {
      fail("to have no findings, but it has " + actual.findings().stream().map(f -> f.check().id())
          .collect(Collectors.joining(", ")));
    }
    return this;
  }

  /** This policy check failed. */
  public ClientReportAssert hasFinding(Check check) {
    isNotNull();
    if (!actual.has(check)) {
      fail("to have the finding " + check.id() + ", but it has "
          + (actual.findings().isEmpty() ? "none" : actual.findings().stream().map(f -> f.check().id())
              .collect(Collectors.joining(", "))));
    }
    return this;
  }

  /** This policy check did not fail. */
  public ClientReportAssert doesNotHaveFinding(Check check) {
    return doesNotHaveFinding(check, "not to have the finding " + check.id());
  }

  private ClientReportAssert doesNotHaveFinding(Check check, String expectation) {
    isNotNull();
    Optional<Finding> finding = actual.findings().stream().filter(f -> f.check() == check).findFirst();
    if (finding.isPresent()) {
      fail(expectation + ", but " + finding.get().message()
          + (finding.get().occurrences() > 1 ? " (" + finding.get().occurrences() + " times)" : ""));
    }
    return this;
  }

  private void fail(String expectation) {
    failWithMessage("%s", "Expecting client " + actual.client() + " " + expectation + "\n"
        + AttemptTimeline.describe(actual));
  }

  private static String times(int n) {
    return n + (n == 1 ? " time" : " times");
  }
}
