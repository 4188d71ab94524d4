package dev.wschaos.simulator.fleet;

import java.time.Duration;
import java.util.Map;

/**
 * Applies a plan's {@link Limits} to each new upgrade: the capacity check first, then the accept-rate token bucket.
 * Thread-safe; the bucket starts full and is refilled whenever its settings change.
 */
public final class AdmissionGate {

  /** What to do with one upgrade. */
  public sealed interface Verdict permits Admit, Refuse, AcceptAndClose, Delay {}

  /** Go on to the rules. */
  public record Admit() implements Verdict {}

  /** Answer with an HTTP status and headers. */
  public record Refuse(int status, Map<String, String> headers, String body, String why) implements Verdict {}

  /** Accept the upgrade, then close at once with {@code code}. */
  public record AcceptAndClose(int code, String reason) implements Verdict {}

  /** Hold the upgrade this long, then go on (its token is already taken). */
  public record Delay(Duration delay) implements Verdict {}

  public static final Admit ADMIT = new Admit();

  private AcceptRate bucketFor;
  private double tokens;
  private long lastNanos;

  /**
   * @param open connections open or being accepted now
   */
  public synchronized Verdict admit(Limits limits, int open, long nowNanos) {
    if (limits == null) {
      return ADMIT;
    }
    if (limits.maxConnections() != null && open >= limits.maxConnections()) {
      long seconds = Math.max(0, limits.effectiveRetryAfter().toSeconds());
      return limits.overCapacity() == Limits.OverCapacity.CLOSE_1013
          ? new AcceptAndClose(1013, "over capacity; retry-after=" + seconds)
          : new Refuse(503, Map.of("Retry-After", Long.toString(seconds)),
              "wschaos: over capacity (" + limits.maxConnections() + " connections); retry after " + seconds + "s\n",
              "over capacity (" + limits.maxConnections() + ")");
    }
    AcceptRate rate = limits.acceptRate();
    if (rate == null) {
      return ADMIT;
    }
    refill(rate, nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return ADMIT;
    }
    if (rate.excess() == AcceptRate.Excess.QUEUE && tokens - 1 >= -rate.maxQueue()) {
      tokens -= 1;
      return new Delay(Duration.ofNanos((long) (-tokens / rate.perSecond() * 1e9)));
    }
    long retryAfter = Math.max(1, (long) Math.ceil((1 - tokens) / rate.perSecond()));
    return new Refuse(rate.status(), Map.of("Retry-After", Long.toString(retryAfter)),
        "wschaos: accept rate limit (" + rate.perSecond() + "/s); retry after " + retryAfter + "s\n",
        "accept rate over " + rate.perSecond() + "/s");
  }

  private void refill(AcceptRate rate, long nowNanos) {
    if (rate != bucketFor) {
      bucketFor = rate;
      tokens = rate.burst();
      lastNanos = nowNanos;
      return;
    }
    double elapsedSeconds = (nowNanos - lastNanos) / 1e9;
    lastNanos = nowNanos;
    tokens = Math.min(rate.burst(), tokens + elapsedSeconds * rate.perSecond());
  }
}
