package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fleet.AcceptRate;
import dev.wschaos.simulator.fleet.Limits.OverCapacity;
import dev.wschaos.simulator.fleet.Limits;
import java.time.Duration;
import java.util.Objects;

/**
 * The plan's capacity ({@code limits:}, see {@code docs/fleet.md}), set and cleared as an edit of the running plan:
 * the next upgrade is decided under it, open connections stay, the timeline and rules run on. Each verb puts the whole
 * {@code limits:} section (what an earlier verb set is replaced); {@link #set} takes every field at once.
 *
 * <pre>{@code
 * chaos.limits().maxConnections(2);                                   // the 3rd open: 503 + Retry-After: 5
 * chaos.limits().maxConnections(2, Duration.ofSeconds(7));            // ... Retry-After: 7
 * chaos.limits().maxConnections(2, OverCapacity.CLOSE_1013);          // accepted, then closed with 1013
 * chaos.limits().acceptRate(AcceptRate.perSecond(50, AcceptRate.Excess.REJECT));
 * chaos.limits().clear();
 * }</pre>
 */
public final class LimitsChaos {

  private final Chaos chaos;

  LimitsChaos(Chaos chaos) {
    this.chaos = chaos;
  }

  /** At most {@code max} connections open; one more is refused with 503 and {@code Retry-After: 5}. */
  public Chaos maxConnections(int max) {
    return set(Limits.maxConnections(max, OverCapacity.REJECT));
  }

  /** At most {@code max} connections open; one more is refused with 503 and {@code Retry-After} of {@code retryAfter}. */
  public Chaos maxConnections(int max, Duration retryAfter) {
    return set(new Limits(max, OverCapacity.REJECT, retryAfter, null));
  }

  /** At most {@code max} connections open; one more is refused ({@code REJECT}) or closed with 1013 ({@code CLOSE_1013}). */
  public Chaos maxConnections(int max, OverCapacity overCapacity) {
    return set(Limits.maxConnections(max, overCapacity));
  }

  /** At most {@code rate} new handshakes (a token bucket); the excess is refused or queued as {@code rate} says. */
  public Chaos acceptRate(AcceptRate rate) {
    return set(Limits.acceptRate(rate));
  }

  /** Put {@code limits} as the plan's {@code limits:} section; invalid limits are refused and change nothing. */
  public Chaos set(Limits limits) {
    chaos.target().replaceLimits(Objects.requireNonNull(limits, "limits: use clear() for none"));
    return chaos;
  }

  /** No limits: every client gets in again (a timeline step's temporary limits still apply while in force). */
  public Chaos clear() {
    chaos.target().replaceLimits(null);
    return chaos;
  }
}
