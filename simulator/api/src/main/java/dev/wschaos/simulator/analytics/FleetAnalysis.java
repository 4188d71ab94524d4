package dev.wschaos.simulator.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fleet time series, recovery after each fleet event and the delay distribution. */
final class FleetAnalysis {

  static final int MAX_BUCKETS = 50_000;
  private static final int MAX_RETURN_BUCKETS = 3_600;
  private static final long[] BIN_EDGES = {0, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000};

  private FleetAnalysis() {}

  static FleetReport run(Recording recording, Map<String, List<Attempt>> byClient, List<Long> delays,
                         AnalyticsSettings settings) {
    long length = Math.max(1, recording.endNanos() - recording.startNanos());
    long bucketNanos = settings.bucket().toNanos();
    if (length / bucketNanos >= MAX_BUCKETS) {
      bucketNanos = ((length / MAX_BUCKETS) / 1_000_000 + 1) * 1_000_000;
    }
    FleetSeries series = series(recording, bucketNanos, length);
    List<EventRecovery> recoveries = new ArrayList<>();
    boolean speaksReady = recording.attempts().stream().anyMatch(a -> a.readyNanos() != null);
    for (FleetEvent event : recording.events()) {
      recoveries.add(recovery(recording, event, byClient, bucketNanos, speaksReady));
    }
    return new FleetReport(series, recoveries, distribution(delays));
  }

  private static FleetSeries series(Recording recording, long bucketNanos, long length) {
    int buckets = (int) Math.max(1, (length + bucketNanos - 1) / bucketNanos);
    int[] attempts = new int[buckets];
    int[] accepted = new int[buckets];
    int[] delta = new int[buckets];
    Map<String, int[]> rejected = new TreeMap<>();
    Map<String, int[]> closes = new TreeMap<>();
    long start = recording.startNanos();
    for (Attempt a : recording.attempts()) {
      attempts[index(a.nanos(), start, bucketNanos, buckets)]++;
      int answered = index(a.answeredNanos(), start, bucketNanos, buckets);
      switch (a.outcome()) {
        case ACCEPTED -> {
          accepted[answered]++;
          delta[answered]++;
          if (a.disconnect() != null) {
            int gone = index(a.disconnect().nanos(), start, bucketNanos, buckets);
            delta[gone]--;
            closes.computeIfAbsent(Integer.toString(a.disconnect().effectiveCode()), k -> new int[buckets])[gone]++;
          }
        }
        case REJECTED -> rejected.computeIfAbsent(String.valueOf(a.status()), k -> new int[buckets])[answered]++;
        case ABORTED -> rejected.computeIfAbsent("aborted", k -> new int[buckets])[answered]++;
      }
    }
    int[] open = new int[buckets];
    int running = 0;
    for (int i = 0; i < buckets; i++) {
      running += delta[i];
      open[i] = running;
    }
    return new FleetSeries(recording.startedAt(), bucketNanos / 1_000_000, open, attempts, accepted, rejected, closes);
  }

  private static EventRecovery recovery(Recording recording, FleetEvent event, Map<String, List<Attempt>> byClient,
                                        long bucketNanos, boolean speaksReady) {
    long t0 = event.nanos();
    List<Long> back = new ArrayList<>();
    List<Long> ready = new ArrayList<>();
    List<Attempt> involved = new ArrayList<>();
    int lost = 0;
    for (String client : event.clients()) {
      List<Attempt> attempts = byClient.getOrDefault(client, List.of());
      Long lostAt = lostAt(attempts, t0);
      if (lostAt == null) {
        continue;
      }
      lost++;
      for (Attempt a : attempts) {
        if (a.nanos() >= t0) {
          involved.add(a);
        }
      }
      for (Attempt a : attempts) {
        if (a.isAccepted() && a.nanos() > lostAt) {
          back.add(a.nanos() - t0);
          break;
        }
      }
      for (Attempt a : attempts) {
        if (a.readyNanos() != null && a.nanos() > lostAt) {
          ready.add(a.readyNanos() - t0);
          break;
        }
      }
    }
    long[] sorted = back.stream().mapToLong(Long::longValue).sorted().toArray();
    boolean complete = lost > 0 && sorted.length == lost;
    long horizon = complete ? sorted[sorted.length - 1] : recording.endNanos() - t0;
    int span = (int) Math.min(MAX_RETURN_BUCKETS, horizon / bucketNanos + 1);
    int[] returns = new int[sorted.length == 0 ? 0 : (int) Math.min(MAX_RETURN_BUCKETS,
        sorted[sorted.length - 1] / bucketNanos + 1)];
    for (long r : sorted) {
      int b = (int) (r / bucketNanos);
      if (b < returns.length) {
        returns[b]++;
      }
    }
    int[] attemptsPerBucket = new int[Math.max(1, span)];
    for (Attempt a : involved) {
      long b = (a.nanos() - t0) / bucketNanos;
      if (b < attemptsPerBucket.length) {
        attemptsPerBucket[(int) b]++;
      }
    }
    double bucketSeconds = bucketNanos / 1e9;
    double peak = Arrays.stream(attemptsPerBucket).max().orElse(0) / bucketSeconds;
    return new EventRecovery(event.label(), event.at(), Math.round(recording.offsetMillis(t0) * 10) / 10.0,
        event.clients().size(), lost, sorted.length, rank(sorted, lost, 0.50), rank(sorted, lost, 0.90),
        rank(sorted, lost, 0.99), complete ? millis(sorted[sorted.length - 1]) : null,
        Math.round(peak * 10) / 10.0, lost == 0 ? 0 : Math.round(peak / lost * 1000) / 1000.0,
        bucketNanos / 1_000_000, returns, curve(sorted, lost), speaksReady ? toReady(ready, lost) : null);
  }

  private static EventRecovery.ReadyRecovery toReady(List<Long> ready, int lost) {
    long[] sorted = ready.stream().mapToLong(Long::longValue).sorted().toArray();
    boolean complete = lost > 0 && sorted.length == lost;
    return new EventRecovery.ReadyRecovery(sorted.length, rank(sorted, lost, 0.50), rank(sorted, lost, 0.90),
        rank(sorted, lost, 0.99), complete ? millis(sorted[sorted.length - 1]) : null);
  }

  /**
   * When the client lost its connection because of (or after) the event: the end of the connection open at the
   * event; the event itself when it had none; null when its connection survived to the end of the recording.
   */
  private static Long lostAt(List<Attempt> attempts, long t0) {
    for (Attempt a : attempts) {
      if (a.isAccepted() && a.nanos() <= t0 && (a.disconnect() == null || a.disconnect().nanos() >= t0)) {
        return a.disconnect() == null ? null : a.disconnect().nanos();
      }
    }
    return t0;
  }

  private static List<Long> curve(long[] sorted, int lost) {
    List<Long> curve = new ArrayList<>(101);
    curve.add(0L);
    for (int p = 1; p <= 100; p++) {
      curve.add(rank(sorted, lost, p / 100.0));
    }
    return curve;
  }

  private static Long rank(long[] sorted, int population, double p) {
    if (population == 0) {
      return null;
    }
    int rank = Math.max(1, (int) Math.ceil(p * population));
    return rank <= sorted.length ? millis(sorted[rank - 1]) : null;
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }

  static DelayDistribution distribution(List<Long> delays) {
    int[] counts = new int[BIN_EDGES.length];
    for (long d : delays) {
      int bin = BIN_EDGES.length - 1;
      for (int i = 1; i < BIN_EDGES.length; i++) {
        if (d < BIN_EDGES[i]) {
          bin = i - 1;
          break;
        }
      }
      counts[bin]++;
    }
    List<DelayDistribution.Bin> bins = new ArrayList<>();
    for (int i = 0; i < BIN_EDGES.length; i++) {
      bins.add(new DelayDistribution.Bin(BIN_EDGES[i], i + 1 < BIN_EDGES.length ? BIN_EDGES[i + 1] : null, counts[i]));
    }
    if (delays.isEmpty()) {
      return new DelayDistribution(0, null, null, null, null, null, null, bins);
    }
    double[] sorted = delays.stream().mapToDouble(Long::doubleValue).sorted().toArray();
    double mean = Arrays.stream(sorted).average().orElse(0);
    return new DelayDistribution(sorted.length, (long) sorted[0], (long) Stats.percentileSorted(sorted, 0.5),
        (long) Stats.percentileSorted(sorted, 0.9), (long) Stats.percentileSorted(sorted, 0.99),
        (long) sorted[sorted.length - 1], Math.round(mean * 10) / 10.0, bins);
  }

  private static int index(long nanos, long start, long bucketNanos, int buckets) {
    long i = (nanos - start) / bucketNanos;
    return (int) Math.max(0, Math.min(buckets - 1, i));
  }
}
