package dev.wschaos.simulator.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How the HTML report writes numbers, durations, times and backoff parameters. */
final class ReportFormat {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ReportFormat() {}

  /** {@code 12,345}. */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** {@code 850 ms}, {@code 1.25 s}, {@code 12.5 s}; a dash for none. */
  static String millis(Long v) {
    return v == null ? "–" : shortMillis(v);
  }

  static String shortMillis(long v) {
    if (v >= 10_000) {
      return String.format(Locale.ROOT, "%.1f s", v / 1000.0);
    }
    return v >= 1000 ? String.format(Locale.ROOT, "%.2f s", v / 1000.0) : v + " ms";
  }

  static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  static String decimal2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String time(Instant t) {
    return TIME.format(t);
  }

  /** {@code a 3 · b 1}. */
  static String join(Map<String, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((k, v) -> parts.add(k + " " + v));
    return String.join(" · ", parts);
  }

  /** A fitted backoff's parameters: {@code base 100 ms · ×2.00 · cap 2.00 s}. */
  static String backoffParameters(BackoffFit b) {
    List<String> p = new ArrayList<>();
    if (b.baseMillis() != null) {
      p.add((b.kind() == BackoffKind.IMMEDIATE ? "median " : "base ") + shortMillis(Math.round(b.baseMillis())));
    }
    if (b.factor() != null) {
      p.add(String.format(Locale.ROOT, "×%.2f", b.factor()));
    }
    if (b.incrementMillis() != null) {
      p.add("+" + shortMillis(Math.round(b.incrementMillis())) + "/retry");
    }
    if (b.capMillis() != null) {
      p.add("cap " + shortMillis(Math.round(b.capMillis())));
    }
    if (b.kind() == BackoffKind.NOT_ENOUGH_ATTEMPTS) {
      p.add(b.delays() + " delays");
    }
    return String.join(" · ", p);
  }
}
