package dev.wschaos.scenarios.catalogue;

import java.util.Map;
import java.util.function.Function;

/**
 * A service-level objective a chaos run must meet; its {@link #name()} is stable and appears in the verdict, the
 * Gatling report ({@code SLO: NAME}) and the failure message.
 *
 * <pre>{@code
 * Slo slo = Slo.reconnectWithin(99, 5_000);
 * Slo.Result r = slo.evaluate(facts);   // r.passed(), r.observed()
 * }</pre>
 */
public interface Slo {

  String name();

  /** What it demands, in words. */
  String demand();

  Result evaluate(RunFacts facts);

  /** The outcome; {@code skipped} when the facts it needs are not available (the run does not fail on it). */
  record Result(boolean passed, boolean skipped, String observed) {
    static Result of(boolean passed, String observed) {
      return new Result(passed, false, observed);
    }

    static Result skip(String why) {
      return new Result(true, true, why);
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

  /** Every echo came back unchanged. */
  static Slo echoIntact() {
    return of("echo-intact", "every echo reply equals the message sent", f -> Result.of(
        f.clients().messages() > 0 && f.clients().echoMismatches() == 0,
        f.clients().echoMismatches() + " mismatches in " + f.clients().messages() + " replies"));
  }

  /** Simulator-side: over the last seconds of the run the simulator held >= {@code fraction} x users connections. */
  static Slo fleetConnected(double fraction) {
    return of("fleet-connected", "simulator holds >= " + fraction + " x users connections at the end", f -> {
      if (!f.simulatorVisible()) {
        return Result.skip("simulator not visible (remote target): skipped until the control plane journal exists");
      }
      int min = f.serverOpenConnections().stream().mapToInt(Integer::intValue).min().orElse(0);
      return Result.of(min >= Math.ceil(fraction * f.users()), "min " + min + " of " + f.users()
          + " in samples " + f.serverOpenConnections() + " (" + f.simulatorSource() + ")");
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
