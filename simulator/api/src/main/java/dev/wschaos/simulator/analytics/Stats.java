package dev.wschaos.simulator.analytics;

import java.util.Arrays;

/** Percentiles by the nearest-rank method: the smallest value with at least {@code p} of the values at or below it. */
final class Stats {

  private Stats() {}

  static double percentileSorted(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return percentileSorted(sorted, p);
  }
}
