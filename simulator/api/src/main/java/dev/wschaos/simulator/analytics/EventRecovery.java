package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * How the clients a fleet event affected came back. A client counts from the event; it is "lost" when its
 * connection ended (or it was refused) at or after the event, and "back" at the arrival of its first accepted
 * attempt after that.
 *
 * @param label the event
 * @param at wall clock time of the event
 * @param offsetMillis milliseconds from the start of the recording
 * @param affected clients the event named
 * @param lost affected clients that lost (or had no) connection after the event
 * @param recovered lost clients that were connected again before the recording ended
 * @param p50Millis time from the event until half of the lost clients were back; null if never
 * @param p90Millis ... 90 %
 * @param p99Millis ... 99 %
 * @param p100Millis ... all of them; null while one is still missing
 * @param peakAttemptsPerSecond the highest attempt rate in one bucket from the event to full recovery
 * @param herdRatio peak attempts per second divided by the lost clients: about 1 or more means the whole fleet
 *     came back within one second (a thundering herd); well-jittered fleets stay low
 * @param bucketMillis width of the buckets below
 * @param returnsPerBucket how many lost clients came back in each bucket after the event
 * @param curveMillis the recovery curve: element i is the time from the event until i % of the lost clients were
 *     back (i = 0..100); null where that share was never reached
 * @param toReady recovery measured to ready instead of to the upgrade, when the plan's conversation marks a ready step
 *     (null otherwise): a client is back when an attempt after it was lost reached ready
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventRecovery(String label, Instant at, double offsetMillis, int affected, int lost, int recovered,
                            Long p50Millis, Long p90Millis, Long p99Millis, Long p100Millis,
                            double peakAttemptsPerSecond, double herdRatio, long bucketMillis,
                            int[] returnsPerBucket, List<Long> curveMillis, ReadyRecovery toReady) {

  /**
   * Recovery measured to ready.
   *
   * @param recovered lost clients whose conversation was ready again before the recording ended
   * @param p50Millis time from the event until half of the lost clients were ready again; null if never
   * @param p90Millis ... 90 %
   * @param p99Millis ... 99 %
   * @param p100Millis ... all of them; null while one is still not ready
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReadyRecovery(int recovered, Long p50Millis, Long p90Millis, Long p99Millis, Long p100Millis) {}

  public EventRecovery(String label, Instant at, double offsetMillis, int affected, int lost, int recovered,
                       Long p50Millis, Long p90Millis, Long p99Millis, Long p100Millis, double peakAttemptsPerSecond,
                       double herdRatio, long bucketMillis, int[] returnsPerBucket, List<Long> curveMillis) {
    this(label, at, offsetMillis, affected, lost, recovered, p50Millis, p90Millis, p99Millis, p100Millis,
        peakAttemptsPerSecond, herdRatio, bucketMillis, returnsPerBucket, curveMillis, null);
  }
}
