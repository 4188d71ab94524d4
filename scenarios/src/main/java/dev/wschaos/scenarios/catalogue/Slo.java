package dev.wschaos.scenarios.catalogue;

import dev.wschaos.scenarios.client.ClientLedger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A service-level objective a chaos run must meet; its {@link #name()} is stable and appears in the verdict, the
 * Gatling report ({@code SLO: NAME}) and the failure message.
 *
 * <pre>{@code
 * Slo slo = Slo.reconnectWithin(99, 5_000);
 * Slo.Result r = slo.evaluate(facts);   // r.outcome(): PASS, FAIL or SKIPPED; r.observed()
 * }</pre>
 */
public interface Slo {

  /** Why a simulator-side SLO is skipped: a remote run without the admin API cannot ask the simulator. */
  String NOT_VISIBLE = "simulator not visible: give the remote simulator's admin URL, -Dadmin=http://host:port";

  String name();

  /** What it demands, in words. */
  String demand();

  Result evaluate(RunFacts facts);

  /** How an SLO came out: a skipped SLO (its facts were not available) is neither passed nor failed. */
  enum Outcome { PASS, FAIL, SKIPPED }

  /** The outcome and what was observed (for a skipped SLO: why it could not be judged). */
  record Result(Outcome outcome, String observed) {
    public Result {
      java.util.Objects.requireNonNull(outcome, "outcome");
    }

    public static Result of(boolean passed, String observed) {
      return new Result(passed ? Outcome.PASS : Outcome.FAIL, observed);
    }

    public static Result skip(String why) {
      return new Result(Outcome.SKIPPED, why);
    }

    public static Result failed(String why) {
      return new Result(Outcome.FAIL, why);
    }

    /** Judged and met; false for a skipped SLO. */
    public boolean passed() {
      return outcome == Outcome.PASS;
    }

    public boolean failed() {
      return outcome == Outcome.FAIL;
    }

    public boolean skipped() {
      return outcome == Outcome.SKIPPED;
    }
  }

  static Slo of(String name, String demand, Function<RunFacts, Result> check) {
    return new Slo() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String demand() {
        return demand;
      }

      @Override
      public Result evaluate(RunFacts facts) {
        return check.apply(facts);
      }
    };
  }

  /** {@code p} % of reconnects (disconnect noticed -> connected again) took at most {@code maxMillis}. */
  static Slo reconnectWithin(double p, long maxMillis) {
    return of("reconnect-p" + (int) p, "p" + p + " of reconnects <= " + maxMillis + " ms", f -> {
      long observed = f.clients().reconnectPercentile(p);
      return Result.of(observed <= maxMillis, "p" + p + " = " + observed + " ms over "
          + f.clients().reconnectMillis().size() + " reconnects");
    });
  }

  /** No client gave up. */
  static Slo noGiveUps() {
    return of("no-give-ups", "no client gives up", f -> Result.of(f.clients().giveUpCount() == 0,
        f.clients().giveUpCount() + " gave up " + f.clients().giveUps()));
  }

  /** No client retried after a terminal close code. */
  static Slo noRetryAfterTerminal() {
    return of("no-retry-after-terminal", "no reconnect attempt after a terminal close code",
        f -> Result.of(f.clients().retriesAfterTerminal() == 0, f.clients().retriesAfterTerminal() + " retries"));
  }

  /** Every reconnect after an advised delay (1012/1013 retry-after) waited at least that long. */
  static Slo adviceHonoured() {
    return of("advice-honoured", "every retry waits at least the delay the server advised",
        f -> Result.of(f.clients().adviceIgnored() == 0, f.clients().adviceIgnored() + " early attempts"));
  }

  /** The fault really happened: at least {@code perUser} disconnects of {@code cause} per user. */
  static Slo faultObserved(String cause, double perUser) {
    return faultObserved(cause, perUser, java.util.Set.of(cause));
  }

  /**
   * The fault really happened, however the clients perceived it: at least {@code perUser} disconnects per user with
   * one of {@code causes} (a silent drop is seen as {@code dropped} or {@code heartbeat-timeout}, depending on
   * whether a heartbeat was in flight).
   */
  static Slo faultObserved(String label, double perUser, java.util.Set<String> causes) {
    return of("fault-observed-" + label, ">= " + perUser + " disconnects per user as " + causes, f -> {
      long seen = causes.stream().mapToLong(c -> f.clients().disconnects().getOrDefault(c, 0L)).sum();
      return Result.of(seen >= Math.ceil(perUser * f.users()), seen + " seen, all causes " + f.clients().disconnects());
    });
  }

  /** At least {@code perUser} failed handshakes per user (the first connect or a reconnect attempt). */
  static Slo handshakeFailuresObserved(double perUser) {
    return of("fault-observed-handshake", ">= " + perUser + " failed handshakes per user",
        f -> Result.of(f.clients().connectFailures() >= Math.ceil(perUser * f.users()),
            f.clients().connectFailures() + " failed handshakes"));
  }

  /** No client ever connected: every handshake failed (e.g. certificate validation against a bad certificate). */
  static Slo neverConnected() {
    return of("never-connected", "no client gets a connection (the fault refuses every one)",
        f -> Result.of(f.clients().connects() == 0 && f.clients().peakConnected() == 0,
            f.clients().connects() + " connects, " + f.clients().connectFailures() + " failed handshakes"));
  }

  /** No disconnect at all. */
  static Slo noDisconnects() {
    return of("no-disconnects", "no client loses its connection",
        f -> Result.of(f.clients().disconnectCount() == 0, f.clients().disconnects().toString()));
  }

  /** Reconnect attempts in any one second stay at or below {@code fraction} of the fleet. */
  static Slo peakReconnectRate(double fraction) {
    return of("peak-reconnect-rate", "reconnect attempts per second <= " + fraction + " x users", f -> {
      long limit = (long) Math.ceil(fraction * f.users());
      return Result.of(f.clients().peakAttemptsPerSecond() <= limit,
          f.clients().peakAttemptsPerSecond() + "/s at peak, limit " + limit + "/s");
    });
  }

  /** Ticker subscribers missed at most {@code max} sequence numbers in total. */
  static Slo tickerGapsAtMost(long max) {
    return of("ticker-gaps", "ticker subscribers miss <= " + max + " ticks", f -> Result.of(
        f.clients().ticks() > 0 && f.clients().tickerMissed() <= max,
        f.clients().tickerMissed() + " missed of " + f.clients().ticks() + " received"));
  }

  /** Conversation clients: every user reached ready (its protocol's ready reply) at least once. */
  static Slo everyoneReady() {
    return of("everyone-ready", "every user gets its protocol's ready reply", f -> {
      int ready = f.clients().conversation().firstReadyMillis().size();
      return Result.of(ready >= f.users(), ready + " of " + f.users() + " ready, first-connect time to ready p99 "
          + f.clients().conversation().firstReadyPercentile(99) + " ms");
    });
  }

  /**
   * Conversation clients: {@code p} % of reconnects were ready again (ready reply received, feeds resubscribed)
   * within {@code maxMillis} of the loss being noticed; fails when nobody reconnected (the fault did not happen).
   */
  static Slo readyWithin(double p, long maxMillis) {
    return of("ready-p" + (int) p, "p" + p + " of reconnects ready again <= " + maxMillis + " ms", f -> {
      ClientLedger.ConversationFacts c = f.clients().conversation();
      if (c.reconnectReadyMillis().isEmpty()) {
        return Result.failed("no client got ready again after a reconnect");
      }
      long observed = c.reconnectReadyPercentile(p);
      return Result.of(observed <= maxMillis, "p" + p + " = " + observed + " ms (p50 "
          + c.reconnectReadyPercentile(50) + ", max " + c.reconnectReadyPercentile(100) + ") over "
          + c.reconnectReadyMillis().size() + " reconnects");
    });
  }

  /**
   * Conversation clients: feeds were subscribed again after reconnects, and with {@code resuming} every one of those
   * resubscriptions resumed after the last sequence number seen. {@code feedsPerClient} is for the observed text.
   */
  static Slo resubscribed(int feedsPerClient, boolean resuming) {
    return of("resubscribed", "after a reconnect the client's " + feedsPerClient + " feed(s) are subscribed again"
        + (resuming ? ", each resuming after the last sequence number seen" : ""), f -> {
      ClientLedger.ConversationFacts c = f.clients().conversation();
      boolean ok = c.resubscriptions() > 0 && (!resuming || c.resumes() == c.resubscriptions());
      return Result.of(ok, c.resubscriptions() + " resubscriptions (" + c.resumes() + " resumed) after "
          + c.reconnectReadyMillis().size() + " reconnects ready again");
    });
  }

  /** Conversation clients: feeds skipped at most {@code max} sequence numbers in total (and events arrived). */
  static Slo feedGapsAtMost(long max) {
    return of("feed-gaps", "feeds miss <= " + max + " messages", f -> {
      ClientLedger.ConversationFacts c = f.clients().conversation();
      return Result.of(c.feedEvents() > 0 && c.missed() <= max, c.missed() + " missed in " + c.gaps() + " gaps, "
          + c.feedEvents() + " events received");
    });
  }

  /** Conversation clients: no feed event arrived twice (at or below the last sequence number seen). */
  static Slo noDuplicates() {
    return of("no-duplicates", "no feed event arrives twice", f -> {
      ClientLedger.ConversationFacts c = f.clients().conversation();
      return Result.of(c.feedEvents() > 0 && c.duplicates() == 0, c.duplicates() + " duplicates in "
          + c.feedEvents() + " events");
    });
  }

  /** Every echo came back unchanged. */
  static Slo echoIntact() {
    return of("echo-intact", "every echo reply equals the message sent", f -> Result.of(
        f.clients().messages() > 0 && f.clients().echoMismatches() == 0,
        f.clients().echoMismatches() + " mismatches in " + f.clients().messages() + " replies"));
  }

  /**
   * Simulator-side: over the last seconds of the run the simulator (every node of it) held >= {@code fraction} x the
   * fleet's users (every injector's) connections.
   */
  static Slo fleetConnected(double fraction) {
    return of("fleet-connected", "simulator holds >= " + fraction + " x users connections at the end", f -> {
      if (f.simulatorSource() == null) {
        return Result.skip(NOT_VISIBLE);
      }
      if (f.serverOpenConnections().isEmpty()) {
        return Result.skip("no sample of the simulator's open connections was taken (the run is too short)");
      }
      int min = f.serverOpenConnections().stream().mapToInt(Integer::intValue).min().orElse(0);
      return Result.of(min >= Math.ceil(fraction * f.fleetUsers()), "min " + min + " of " + f.fleetUsers()
          + " in samples " + f.serverOpenConnections() + " (" + f.simulatorSource() + ")");
    });
  }

  /**
   * Simulator-side: after each fleet event that cost clients their connection, {@code p} % of them (50, 90, 99 or
   * 100) were connected again within {@code maxMillis} (reconnect analytics, {@code fleet.recoveries}).
   */
  static Slo recoveryWithin(int p, long maxMillis) {
    return of("fleet-recovery-p" + p, "after each fleet event, p" + p + " of lost clients back within " + maxMillis
        + " ms", f -> {
      if (f.reconnects() == null) {
        return Result.skip(NOT_VISIBLE);
      }
      List<ReconnectFacts.Recovery> events = f.reconnects().eventsWithLosses();
      if (events.isEmpty()) {
        return Result.of(false, "no fleet event cost any client its connection: the fault did not happen ("
            + f.reconnects().recoveries().size() + " fleet events)");
      }
      boolean ok = true;
      StringBuilder seen = new StringBuilder();
      for (ReconnectFacts.Recovery r : events) {
        Long value = switch (p) {
          case 50 -> r.p50Millis();
          case 90 -> r.p90Millis();
          case 99 -> r.p99Millis();
          case 100 -> r.p100Millis();
          default -> throw new IllegalArgumentException("percentile " + p + ": use 50, 90, 99 or 100");
        };
        ok &= value != null && value <= maxMillis;
        seen.append(seen.length() == 0 ? "" : "; ").append(r.describe());
      }
      return Result.of(ok, seen.toString());
    });
  }

  /** Simulator-side: after each fleet event, the peak attempts per second of the lost clients / lost {@code <= max}. */
  static Slo herdRatioAtMost(double max) {
    return of("herd-ratio", "after each fleet event, peak attempts per second / lost clients <= " + max, f -> {
      if (f.reconnects() == null) {
        return Result.skip(NOT_VISIBLE);
      }
      List<ReconnectFacts.Recovery> events = f.reconnects().eventsWithLosses();
      if (events.isEmpty()) {
        return Result.of(false, "no fleet event cost any client its connection: the fault did not happen");
      }
      double worst = events.stream().mapToDouble(ReconnectFacts.Recovery::herdRatio).max().orElse(0);
      return Result.of(worst <= max, String.format("worst %.2f: ", worst) + events.stream()
          .map(ReconnectFacts.Recovery::describe).collect(java.util.stream.Collectors.joining("; ")));
    });
  }

  /** Simulator-side: no client reconnected after a terminal close code ({@code reconnected-after-terminal-close}). */
  static Slo noReconnectAfterTerminalClose() {
    return noFinding("no-reconnect-after-terminal-close", "reconnected-after-terminal-close",
        "the simulator saw no reconnect after a terminal close code");
  }

  /** Simulator-side: no client came back before an advised delay ({@code retried-before-advised-delay}). */
  static Slo advisedDelaysHonoured() {
    return noFinding("advised-delays-honoured", "retried-before-advised-delay",
        "the simulator saw no attempt before the delay it advised (close reason retry-after, Retry-After)");
  }

  /** Simulator-side: every client that lost its connection tried again within the recovery window (30 s). */
  static Slo backWithinWindow() {
    return noFinding("back-within-window", "not-back-within-window",
        "every client that lost its connection came back within the recovery window (30 s)");
  }

  /**
   * Simulator-side: no reconnect came sooner than {@code minimumDelay} after the attempt before it
   * ({@code retried-too-fast}); the scenario must ask for its report with that minimum
   * ({@link ChaosScenario#reportQuery()}).
   */
  static Slo notRetriedTooFast(java.time.Duration minimumDelay) {
    return noFinding("not-retried-too-fast", "retried-too-fast", "the simulator saw no reconnect sooner than "
        + minimumDelay.toMillis() + " ms after a refused or lost attempt");
  }

  /** Simulator-side: no client has a finding of {@code check} in the reconnect analytics. */
  static Slo noFinding(String name, String check, String demand) {
    return of(name, demand, f -> {
      if (f.reconnects() == null) {
        return Result.skip(NOT_VISIBLE);
      }
      int clients = f.reconnects().clientsWith(check);
      return Result.of(clients == 0, clients + " of " + f.reconnects().clients() + " clients with " + check
          + (clients == 0 ? "" : ", e.g. " + f.reconnects().examples().get(check)));
    });
  }

  /** Client-side: at some moment every user was connected. */
  static Slo everyoneConnected() {
    return of("everyone-connected", "all users connected at the same time at least once",
        f -> Result.of(f.clients().peakConnected() >= f.users(), "peak " + f.clients().peakConnected()
            + " of " + f.users()));
  }

  /** For listings: name to demand. */
  static Map.Entry<String, String> describe(Slo slo) {
    return Map.entry(slo.name(), slo.demand());
  }
}
