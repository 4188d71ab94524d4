package dev.wschaos.simulator.analytics;

import dev.wschaos.simulator.behaviour.CloseConvention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds one client's timeline, backoff points and findings from its attempts (sorted by arrival). */
final class ClientAnalysis {

  private static final int MAX_EVIDENCE_ATTEMPTS = 20;

  private final String client;
  private final List<Attempt> attempts;
  private final Recording recording;
  private final AnalyticsSettings settings;
  private final Map<Check, Builder> findings = new EnumMap<>(Check.class);
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private final List<BackoffClassifier.Point> points = new ArrayList<>();
  private final List<Long> delays = new ArrayList<>();

  private ClientAnalysis(String client, List<Attempt> attempts, Recording recording, AnalyticsSettings settings) {
    this.client = client;
    this.attempts = attempts;
    this.recording = recording;
    this.settings = settings;
  }

  static ClientAnalysis run(String client, List<Attempt> attempts, Recording recording, AnalyticsSettings settings) {
    ClientAnalysis analysis = new ClientAnalysis(client, attempts, recording, settings);
    analysis.walk();
    return analysis;
  }

  /** Every reconnect delay of this client, in milliseconds. */
  List<Long> delays() {
    return delays;
  }

  ClientReport report() {
    int accepted = 0;
    int rejected = 0;
    int aborted = 0;
    for (Attempt a : attempts) {
      switch (a.outcome()) {
        case ACCEPTED -> accepted++;
        case REJECTED -> rejected++;
        case ABORTED -> aborted++;
      }
    }
    Attempt last = attempts.get(attempts.size() - 1);
    boolean connected = last.isAccepted() && last.disconnect() == null;
    List<Finding> list = findings.values().stream().map(Builder::build).toList();
    return new ClientReport(client, attempts.size(), accepted, rejected, aborted, connected,
        BackoffClassifier.classify(points, settings), list, timeline);
  }

  private void walk() {
    int retryIndex = 0;
    int failedInRun = 0;
    int runStart = attempts.get(0).number();
    boolean everAccepted = false;
    Attempt lastAccepted = null;
    for (int i = 0; i < attempts.size(); i++) {
      Attempt cur = attempts.get(i);
      Attempt prev = i == 0 ? null : attempts.get(i - 1);
      Long delay = null;
      Integer index = null;
      if (prev != null) {
        retryIndex = i == 1 || stable(prev) ? 0 : retryIndex + 1;
        index = retryIndex;
        long prevEnd = prev.endNanos();
        if (prevEnd != Long.MIN_VALUE && prevEnd <= cur.nanos()) {
          delay = Math.round((cur.nanos() - prevEnd) / 1e6);
          delays.add(delay);
          checkDelay(prev, cur, delay, retryIndex);
        }
        if (settings.expectResume() && everAccepted && !cur.resumed()) {
          add(Check.RECONNECTED_WITHOUT_RESUME, cur, cur.at(), null, null, null, null,
              "attempt " + cur.number() + " reconnected without a resume parameter");
        }
      }
      if (cur.isAccepted()) {
        if (lastAccepted != null) {
          checkFeeds(lastAccepted, cur);
        }
        lastAccepted = cur;
      }
      everAccepted |= cur.isAccepted();
      if (stable(cur) || (cur.isAccepted() && cur.disconnect() == null)) {
        failedInRun = 0;
        runStart = i + 1 < attempts.size() ? attempts.get(i + 1).number() : cur.number();
      } else {
        failedInRun++;
        if (settings.maxAttempts() != null && failedInRun == settings.maxAttempts() + 1) {
          add(Check.TOO_MANY_ATTEMPTS, cur, cur.at(), null, cur.status(), null, settings.maxAttempts().longValue(),
              "attempts " + runStart + "-" + cur.number() + " failed in a row, more than the maximum of "
                  + settings.maxAttempts());
        }
      }
      checkCameBack(cur, i + 1 < attempts.size() ? attempts.get(i + 1) : null);
      Long connected = cur.disconnect() == null ? null
          : Math.round((cur.disconnect().nanos() - cur.answeredNanos()) / 1e6);
      Long ready = cur.readyNanos() == null ? null : Math.round((cur.readyNanos() - cur.answeredNanos()) / 1e6);
      timeline.add(new TimelineEntry(cur.number(), cur.at(), Math.round(recording.offsetMillis(cur.nanos()) * 10) / 10.0,
          cur.outcome(), cur.status(), cur.retryAfterSeconds(), cur.resumed(), delay, index, connected,
          cur.disconnect(), ready, cur.feeds().stream().map(ClientAnalysis::withoutTime).toList()));
    }
  }

  private void checkDelay(Attempt prev, Attempt cur, long delay, int retryIndex) {
    Disconnect gone = prev.disconnect();
    boolean clientLeft = gone != null && gone.kind() == DisconnectKind.CLIENT_CLOSE;
    Long advised = prev.advisedDelayMillis();
    long slack = settings.timingSlack().toMillis();
    if (gone != null && gone.kind() == DisconnectKind.SERVER_CLOSE && gone.code() != null
        && settings.isTerminal(gone.code())) {
      add(Check.RECONNECTED_AFTER_TERMINAL_CLOSE, cur, cur.at(), gone.code(), null, delay, null,
          "attempt " + cur.number() + " came " + delay + " ms after attempt " + prev.number()
              + " was closed with terminal code " + gone.code());
    }
    CloseConvention convention = settings.convention();
    if (gone != null && gone.kind() == DisconnectKind.SERVER_CLOSE && gone.code() != null
        && settings.isProtocolTerminal(gone.code())) {
      add(Check.RETRIED_TERMINAL_PROTOCOL_CLOSE, cur, cur.at(), gone.code(), null, delay, null,
          "attempt " + cur.number() + " came " + delay + " ms after attempt " + prev.number() + " was closed with "
              + gone.code() + ", terminal in the " + convention.name() + " protocol");
    }
    if (gone != null && gone.kind() == DisconnectKind.SERVER_CLOSE && gone.code() != null && convention != null
        && convention.isBackOff(gone.code()) && convention.backOffAtLeast() != null
        && delay + slack < convention.backOffAtLeast().toMillis()) {
      long least = convention.backOffAtLeast().toMillis();
      add(Check.RETRIED_TOO_FAST, cur, cur.at(), gone.code(), null, delay, least,
          "attempt " + cur.number() + " came " + delay + " ms after attempt " + prev.number() + " was closed with "
              + gone.code() + ", which the " + convention.name() + " protocol answers by backing off at least "
              + least + " ms");
    }
    if (advised != null && delay + slack < advised) {
      String why = prev.retryAfterSeconds() != null
          ? prev.status() + " with Retry-After " + prev.retryAfterSeconds() + " s"
          : "close " + gone.code() + " \"" + gone.reason() + "\"";
      add(Check.RETRIED_BEFORE_ADVISED_DELAY, cur, cur.at(), gone == null ? null : gone.code(), prev.status() == 101
          ? null : prev.status(), delay, advised,
          "attempt " + cur.number() + " came " + delay + " ms after attempt " + prev.number() + " got " + why);
    }
    if (settings.minimumDelay() != null && !clientLeft && delay + slack < settings.minimumDelay().toMillis()) {
      Integer refused = statusOf(prev);
      add(Check.RETRIED_TOO_FAST, cur, cur.at(), gone == null ? null : gone.code(), refused, delay,
          settings.minimumDelay().toMillis(), "attempt " + cur.number() + " came " + delay + " ms after attempt "
              + prev.number() + (refused == null ? " ended" : " was refused with " + refused)
              + ", under the minimum of " + settings.minimumDelay().toMillis() + " ms");
    }
    if (!clientLeft && advised == null) {
      points.add(new BackoffClassifier.Point(retryIndex, delay));
    }
  }

  /** After losing its connection or being refused, the client must try again within the recovery window. */
  private void checkCameBack(Attempt cur, Attempt next) {
    if (settings.recoveryWindow() == null || !shouldComeBack(cur)) {
      return;
    }
    long end = cur.endNanos();
    long window = settings.recoveryWindow().toMillis();
    Instant endAt = recording.wallTime(end);
    if (next != null) {
      long gap = Math.round((next.nanos() - end) / 1e6);
      if (gap > window) {
        add(Check.NOT_BACK_WITHIN_WINDOW, cur, endAt, codeOf(cur), statusOf(cur), gap, window,
            "came back " + gap + " ms after attempt " + cur.number() + " ended, later than the " + window
                + " ms recovery window");
      }
    } else if ((recording.endNanos() - end) / 1e6 > window) {
      add(Check.NOT_BACK_WITHIN_WINDOW, cur, endAt, codeOf(cur), statusOf(cur), null, window,
          "never came back after attempt " + cur.number() + " ended (watched for "
              + Math.round((recording.endNanos() - end) / 1e6) + " ms, window " + window + " ms)");
    }
  }

  private boolean shouldComeBack(Attempt a) {
    return switch (a.outcome()) {
      case ABORTED -> true;
      case REJECTED -> a.status() != null && (a.status() >= 500 || a.status() == 429 || a.status() == 408);
      case ACCEPTED -> {
        Disconnect d = a.disconnect();
        yield d != null && d.kind() != DisconnectKind.CLIENT_CLOSE
            && !(d.kind() == DisconnectKind.SERVER_CLOSE && d.code() != null
                && (settings.isTerminal(d.code()) || settings.isProtocolTerminal(d.code())));
      }
    };
  }

  /**
   * A reconnected conversation client must use the feeds it had again, and resume them where the conversation offers
   * it. A connection is judged on its feeds once it has been open {@code backoffResetAfter} (or ended after that).
   */
  private void checkFeeds(Attempt before, Attempt cur) {
    if (before.feeds().isEmpty()) {
      return;
    }
    long end = cur.disconnect() != null ? cur.disconnect().nanos() : recording.endNanos();
    if (cur.feeds().isEmpty()) {
      if (end - cur.answeredNanos() >= settings.backoffResetAfter().toNanos()) {
        add(Check.NEVER_RESUBSCRIBED, cur, cur.at(), null, null, null, null,
            "attempt " + cur.number() + " started no feed in " + Math.round((end - cur.answeredNanos()) / 1e6)
                + " ms, although attempt " + before.number() + " had " + feedNames(before));
      }
      return;
    }
    for (FeedUse use : cur.feeds()) {
      if (!use.resumed() && use.resumable() && use.afterSeq() > 0 && before.usedFeed(use.feed())
          && cur.feeds().stream().noneMatch(f -> f.resumed() && f.feed().equals(use.feed()))) {
        add(Check.RESUBSCRIBED_WITHOUT_RESUME, cur, cur.at(), null, null, null, null,
            "attempt " + cur.number() + " subscribed to feed '" + use.feed() + "' afresh instead of resuming it "
                + "(attempt " + before.number() + " had it; " + use.afterSeq() + " events were produced before)");
        return;
      }
    }
  }

  private static String feedNames(Attempt a) {
    return a.feeds().stream().map(f -> "'" + f.feed() + "'").distinct().limit(5)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static FeedUse withoutTime(FeedUse f) {
    return new FeedUse(f.feed(), null, f.resumed(), f.afterSeq(), f.resumable());
  }

  private boolean stable(Attempt a) {
    return a.disconnect() != null
        && a.disconnect().nanos() - a.answeredNanos() >= settings.backoffResetAfter().toNanos();
  }

  private static Integer codeOf(Attempt a) {
    return a.disconnect() == null ? null : a.disconnect().code();
  }

  private static Integer statusOf(Attempt a) {
    return a.outcome() == AttemptOutcome.REJECTED ? a.status() : null;
  }

  private void add(Check check, Attempt attempt, Instant at, Integer code, Integer status, Long delay, Long limit,
                   String message) {
    Builder b = findings.get(check);
    if (b == null) {
      findings.put(check, new Builder(check, client, attempt.number(), at, code, status, delay, limit, message));
    } else {
      b.more(attempt.number());
    }
  }

  private static final class Builder {
    private final Check check;
    private final String client;
    private final List<Integer> attempts = new ArrayList<>();
    private final Instant at;
    private final Integer code;
    private final Integer status;
    private final Long delay;
    private final Long limit;
    private final String message;
    private int occurrences = 1;

    Builder(Check check, String client, int attempt, Instant at, Integer code, Integer status, Long delay, Long limit,
            String message) {
      this.check = check;
      this.client = client;
      this.attempts.add(attempt);
      this.at = at;
      this.code = code;
      this.status = status;
      this.delay = delay;
      this.limit = limit;
      this.message = message;
    }

    void more(int attempt) {
      occurrences++;
      if (attempts.size() < MAX_EVIDENCE_ATTEMPTS) {
        attempts.add(attempt);
      }
    }

    Finding build() {
      return new Finding(check, client, attempts, occurrences, at, code, status, delay, limit, message);
    }
  }
}
