package dev.wschaos.simulator.analytics;

import java.time.Instant;
import java.util.Map;

/**
 * Fleet time series: one value per bucket of {@code bucketMillis}, bucket 0 starting at {@code start}. Rates are
 * counts per bucket (per second at the default 1 s bucket).
 *
 * @param start wall clock start of bucket 0 (the start of the recording)
 * @param bucketMillis bucket width
 * @param open open connections at the end of each bucket
 * @param attempts upgrade requests arrived in each bucket
 * @param accepted upgrades accepted (101) in each bucket
 * @param rejected refused upgrades per bucket, by HTTP status ({@code "503"}) or {@code "aborted"}
 * @param closes disconnects per bucket, by close code ({@code "1012"}; drops and resets count as {@code "1006"})
 */
public record FleetSeries(Instant start, long bucketMillis, int[] open, int[] attempts, int[] accepted,
                          Map<String, int[]> rejected, Map<String, int[]> closes) {

  public int buckets() {
    return open.length;
  }
}
