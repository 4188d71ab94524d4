package dev.wschaos.scenarios.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The trade-off of a sweep: a policy is on the Pareto front when no other one has both a lower (or equal) herd peak
 * and a shorter (or equal) recovery p99, one of them strictly. Policies whose fleet never got 99 % back are never
 * on it while another one did.
 *
 * <pre>{@code
 * List<SweepEntry> front = ParetoFront.of(entries);
 * }</pre>
 */
public final class ParetoFront {

  private ParetoFront() {}

  public static List<SweepEntry> of(List<SweepEntry> entries) {
    List<SweepEntry> back = entries.stream().filter(e -> e.p99Millis() != null).toList();
    List<SweepEntry> candidates = back.isEmpty() ? entries : back;
    List<SweepEntry> front = new ArrayList<>();
    for (SweepEntry e : candidates) {
      if (candidates.stream().noneMatch(o -> dominates(o, e))) {
        front.add(e);
      }
    }
    front.sort(Comparator.comparingDouble(SweepEntry::herdPeak));
    return front;
  }

  /** Whether {@code a} is at least as good as {@code b} on both axes and better on one. */
  public static boolean dominates(SweepEntry a, SweepEntry b) {
    boolean noWorse = a.herdPeak() <= b.herdPeak() && a.recoveryForRanking() <= b.recoveryForRanking();
    boolean better = a.herdPeak() < b.herdPeak() || a.recoveryForRanking() < b.recoveryForRanking();
    return noWorse && better;
  }

  /** Who beats {@code e} on both axes, for the explanation. */
  public static List<SweepEntry> dominators(SweepEntry e, List<SweepEntry> entries) {
    return entries.stream().filter(o -> dominates(o, e)).toList();
  }
}
