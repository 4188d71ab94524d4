package dev.wschaos.scenarios.sweep;

import dev.wschaos.simulator.analytics.AttemptOutcome;
import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.EventRecovery;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.analytics.TimelineEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One policy's run in a sweep, as the simulator's reconnect analytics saw it: the recovery after the first fleet
 * event that cost connections ({@link EventRecovery}), the handshakes spent, refusals by status, findings.
 *
 * <pre>{@code
 * SweepEntry e = SweepEntry.of("socketio", policy.toJson(), server.reconnectReport(), giveUps);
 * e.p99Millis();   // null when not everyone was back
 * }</pre>
 *
 * @param label the policy as named in the sweep
 * @param policyJson the policy as data
 * @param event the fleet event measured (null when no event cost a connection)
 * @param lost clients the event cost their connection
 * @param recovered of those, back before the run ended
 * @param p50Millis time from the event until half the lost clients were back (null if never)
 * @param p90Millis ... 90 %
 * @param p99Millis ... 99 %
 * @param p100Millis ... all (null while one is missing)
 * @param herdPeak the highest attempts per second from the event to full recovery
 * @param herdRatio herd peak / lost clients
 * @param curveMillis the recovery curve: element i = time until i % were back
 * @param handshakes upgrade requests over the whole run (accepted + refused + aborted)
 * @param accepted accepted upgrades
 * @param refusedByStatus refused upgrades per HTTP status (503 = the accept-rate or capacity limit)
 * @param aborted upgrades without a usable answer
 * @param findings clients per finding check
 * @param giveUps clients that gave up, as the clients counted
 */
public record SweepEntry(String label, String policyJson, String event, int lost, int recovered, Long p50Millis,
                         Long p90Millis, Long p99Millis, Long p100Millis, double herdPeak, double herdRatio,
                         List<Long> curveMillis, int handshakes, int accepted, Map<Integer, Integer> refusedByStatus,
                         int aborted, Map<String, Integer> findings, long giveUps) {

  public static SweepEntry of(String label, String policyJson, ReconnectReport report, long giveUps) {
    EventRecovery r = report.fleet().recoveries().stream().filter(e -> e.lost() > 0).findFirst().orElse(null);
    Map<Integer, Integer> refused = new TreeMap<>();
    for (ClientReport c : report.clients()) {
      for (TimelineEntry t : c.timeline()) {
        if (t.outcome() == AttemptOutcome.REJECTED && t.status() != null) {
          refused.merge(t.status(), 1, Integer::sum);
        }
      }
    }
    var s = report.summary();
    return new SweepEntry(label, policyJson, r == null ? null : r.label(), r == null ? 0 : r.lost(),
        r == null ? 0 : r.recovered(), r == null ? null : r.p50Millis(), r == null ? null : r.p90Millis(),
        r == null ? null : r.p99Millis(), r == null ? null : r.p100Millis(),
        r == null ? 0 : r.peakAttemptsPerSecond(), r == null ? 0 : r.herdRatio(),
        r == null || r.curveMillis() == null ? List.of() : r.curveMillis(), s.attempts(), s.accepted(),
        Map.copyOf(refused), s.aborted(), Map.copyOf(s.findings()), giveUps);
  }

  /** Refused upgrades, all statuses. */
  public int refused() {
    return refusedByStatus.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Recovery time used for ranking: p99, or {@link Long#MAX_VALUE} when 99 % were never back. */
  public long recoveryForRanking() {
    return p99Millis == null ? Long.MAX_VALUE : p99Millis;
  }
}
