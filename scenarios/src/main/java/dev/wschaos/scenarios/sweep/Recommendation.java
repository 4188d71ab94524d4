package dev.wschaos.scenarios.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sweep's advice in plain words: the Pareto front (herd peak vs recovery p99), why each other policy is off it,
 * and one pick: the front policy whose worse ratio to the best figure seen (lowest herd peak, fastest p99, among the
 * policies that got 99 % of the fleet back) is the smallest.
 *
 * <pre>{@code
 * Recommendation r = Recommendation.of(entries);
 * r.pick();        // e.g. the socketio entry
 * r.sentences();   // one line each
 * }</pre>
 */
public record Recommendation(List<SweepEntry> front, Optional<SweepEntry> pick, List<String> sentences) {

  public static Recommendation of(List<SweepEntry> entries) {
    List<SweepEntry> measured = entries.stream().filter(e -> e.lost() > 0).toList();
    List<String> out = new ArrayList<>();
    if (measured.isEmpty()) {
      out.add("No policy's run saw a fleet event that cost connections: nothing to compare.");
      return new Recommendation(List.of(), Optional.empty(), out);
    }
    List<SweepEntry> front = ParetoFront.of(measured);
    List<SweepEntry> back = measured.stream().filter(e -> e.p99Millis() != null).toList();
    double bestPeak = Math.max(1, back.stream().mapToDouble(SweepEntry::herdPeak).min().orElse(1));
    long bestP99 = Math.max(1, back.stream().mapToLong(SweepEntry::p99Millis).min().orElse(1));
    Optional<SweepEntry> pick = front.stream().filter(e -> e.p99Millis() != null)
        .min(Comparator.comparingDouble(e -> worstRatio(e, bestPeak, bestP99)));
    out.add("Pareto front (no other policy has both a lower herd peak and a faster p99 recovery): "
        + String.join(", ", front.stream().map(e -> e.label() + " (" + figures(e) + ")").toList()) + ".");
    for (SweepEntry e : measured) {
      List<SweepEntry> better = ParetoFront.dominators(e, measured);
      if (!front.contains(e) && better.isEmpty()) {
        out.add(e.label() + " is off the front: 99 % of its lost clients were never back before the run ended.");
      } else if (!better.isEmpty()) {
        SweepEntry b = better.stream().min(Comparator.comparingDouble(SweepEntry::herdPeak)).orElseThrow();
        out.add(e.label() + " is off the front: " + b.label() + " peaks " + ratio(e.herdPeak(), b.herdPeak())
            + " and recovers " + (e.p99Millis() == null ? "where " + e.label() + " never got 99 % back"
            : seconds(e.p99Millis()) + " -> " + seconds(b.recoveryForRanking())) + ".");
      }
    }
    pick.ifPresent(p -> out.add("Recommended for this scenario: " + p.label() + ", the front policy closest to "
        + "the best of both (" + String.format("%.1fx", Math.max(1, p.herdPeak()) / bestPeak) + " the lowest herd "
        + "peak and " + String.format("%.1fx", (double) p.p99Millis() / bestP99) + " the fastest p99 of the "
        + "policies that got 99 % back): " + figures(p) + ", " + p.handshakes() + " handshakes (" + p.refused()
        + " refused)."
        + (front.size() > 1 ? " Along the front, a lower peak costs recovery time: choose by what the server can "
        + "take." : "")));
    measured.stream().filter(e -> e.giveUps() > 0 || e.recovered() < e.lost()).forEach(e -> out.add("Beware "
        + e.label() + ": " + (e.lost() - e.recovered()) + " of " + e.lost() + " clients not back by the end, "
        + e.giveUps() + " gave up."));
    return new Recommendation(front, pick, out);
  }

  /** The larger of herd peak / lowest peak and p99 / fastest p99: how far the policy is from the best of each. */
  private static double worstRatio(SweepEntry e, double bestPeak, long bestP99) {
    return Math.max(Math.max(1, e.herdPeak()) / bestPeak, (double) e.p99Millis() / bestP99);
  }

  static String figures(SweepEntry e) {
    return String.format("peak %.0f attempts/s, herd ratio %.2f, p99 %s", e.herdPeak(), e.herdRatio(),
        e.p99Millis() == null ? "never" : seconds(e.p99Millis()));
  }

  static String seconds(long millis) {
    return millis == Long.MAX_VALUE ? "never" : String.format("%.1f s", millis / 1000.0);
  }

  private static String ratio(double worse, double better) {
    return better <= 0 ? String.format("%.0f/s instead of %.0f/s", worse, better)
        : String.format("%.1fx lower (%.0f/s -> %.0f/s)", worse / better, worse, better);
  }
}
