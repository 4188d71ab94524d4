package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Every reconnect delay of every client (end of an attempt to the next attempt of the same client).
 *
 * @param count how many delays
 * @param minMillis shortest (null when there are none, as for every figure here)
 * @param p50Millis nearest-rank percentiles
 * @param p90Millis ...
 * @param p99Millis ...
 * @param maxMillis longest
 * @param meanMillis mean
 * @param histogram counts per bin, bins roughly logarithmic from 0 ms to 1 min and one open-ended bin
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DelayDistribution(int count, Long minMillis, Long p50Millis, Long p90Millis, Long p99Millis,
                                Long maxMillis, Double meanMillis, List<Bin> histogram) {

  /**
   * One histogram bin {@code [fromMillis, toMillis)}; {@code toMillis} is null for the last, open-ended one.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Bin(long fromMillis, Long toMillis, int count) {}
}
