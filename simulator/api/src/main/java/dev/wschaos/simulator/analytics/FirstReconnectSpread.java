package dev.wschaos.simulator.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fleet check {@link Check#UNRANDOMISED_FIRST_RECONNECTS}: after a fleet event that cost at least {@link #MIN_LOST}
 * clients their connection, were their first reconnects spread out? RFC 6455 section 7.2.3 asks for a random first
 * delay (e.g. 0-5 s) so that a fleet dropped together does not come back together; when {@link #SHARE} or more of
 * the lost clients made their first attempt within one {@link #WINDOW}, the fleet gets one finding (client
 * {@code fleet: LABEL}).
 *
 * <pre>{@code
 * List<Finding> findings = FirstReconnectSpread.check(recording, byClient);
 * }</pre>
 */
public final class FirstReconnectSpread {

  public static final int MIN_LOST = 10;
  public static final Duration WINDOW = Duration.ofSeconds(1);
  public static final double SHARE = 0.8;

  private FirstReconnectSpread() {}

  public static List<Finding> check(Recording recording, Map<String, List<Attempt>> byClient) {
    List<Finding> out = new ArrayList<>();
    for (FleetEvent event : recording.events()) {
      long t0 = event.nanos();
      List<Long> firsts = new ArrayList<>();
      for (String client : event.clients()) {
        Long first = firstReconnect(byClient.getOrDefault(client, List.of()), t0);
        if (first != null) {
          firsts.add(first - t0);
        }
      }
      if (firsts.size() < MIN_LOST) {
        continue;
      }
      long[] sorted = firsts.stream().mapToLong(Long::longValue).sorted().toArray();
      long window = WINDOW.toNanos();
      int best = 0;
      int bestFrom = 0;
      for (int i = 0, j = 0; j < sorted.length; j++) {
        while (sorted[j] - sorted[i] > window) {
          i++;
        }
        if (j - i + 1 > best) {
          best = j - i + 1;
          bestFrom = i;
        }
      }
      if (best >= SHARE * sorted.length) {
        long fromMs = sorted[bestFrom] / 1_000_000;
        out.add(new Finding(Check.UNRANDOMISED_FIRST_RECONNECTS, "fleet: " + event.label(), List.of(), 1,
            recording.wallTime(t0 + sorted[bestFrom]), null, null, fromMs, WINDOW.toMillis(), String.format(
            "%d of %d clients that reconnected after '%s' made their first attempt within %d ms (from %d ms after "
                + "it): their first reconnect is not randomised (RFC 6455 7.2.3: delay it randomly, e.g. 0-5 s)",
            best, sorted.length, event.label(), WINDOW.toMillis(), fromMs)));
      }
    }
    return out;
  }

  /** The first attempt after the client lost the connection it had at the event (or after the event). */
  private static Long firstReconnect(List<Attempt> attempts, long t0) {
    long lostAt = t0;
    for (Attempt a : attempts) {
      if (a.isAccepted() && a.nanos() <= t0 && (a.disconnect() == null || a.disconnect().nanos() >= t0)) {
        if (a.disconnect() == null) {
          return null;
        }
        lostAt = a.disconnect().nanos();
      }
    }
    for (Attempt a : attempts) {
      if (a.nanos() > lostAt && a.nanos() >= t0) {
        return a.nanos();
      }
    }
    return null;
  }
}
