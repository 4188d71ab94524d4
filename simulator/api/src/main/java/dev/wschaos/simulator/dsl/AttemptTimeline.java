package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.Disconnect;
import dev.wschaos.simulator.analytics.Finding;
import dev.wschaos.simulator.analytics.TimelineEntry;
import java.util.Locale;
import java.util.Optional;

/**
 * A client's attempts as a small table, for failure messages: what a test saw, so it explains itself.
 *
 * <pre>
 * attempts of c1 (3; backoff: not enough attempts: 2 backoff delays, at least 4 needed):
 *   #   at(ms)  delay(ms)  outcome        ended
 *   1        0          -  accepted 101   server-close 1013 'try again later' after 12 ms
 *   2       95         83  rejected 503   retry-after 2 s
 *   3     2110       2015  accepted 101   (open)
 * findings: retried-before-advised-delay: attempt 2 came 83 ms after ...
 * </pre>
 */
public final class AttemptTimeline {

  private AttemptTimeline() {}

  /** The table for {@code clientId}, or a line saying it made no attempt. */
  public static String describe(String clientId, Optional<ClientReport> report) {
    return report.map(AttemptTimeline::describe)
        .orElse("client " + clientId + " made no connection attempt");
  }

  public static String describe(ClientReport report) {
    StringBuilder out = new StringBuilder();
    out.append("attempts of ").append(report.client()).append(" (").append(report.attempts())
        .append("; backoff: ").append(report.backoff() == null ? "?" : report.backoff().summary()).append("):\n");
    out.append(String.format(Locale.ROOT, "  %3s %8s %10s  %-13s %s%n", "#", "at(ms)", "delay(ms)", "outcome",
        "ended"));
    double start = report.timeline().isEmpty() ? 0 : report.timeline().get(0).offsetMillis();
    for (TimelineEntry e : report.timeline()) {
      String outcome = e.outcome().id() + (e.status() == null ? "" : " " + e.status());
      out.append(String.format(Locale.ROOT, "  %3d %8d %10s  %-13s %s%n", e.number(),
          Math.round(e.offsetMillis() - start), e.delayMillis() == null ? "-" : e.delayMillis().toString(),
          outcome, ended(e)));
    }
    for (Finding f : report.findings()) {
      out.append("finding ").append(f.check().id()).append(": ").append(f.message()).append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static String ended(TimelineEntry e) {
    StringBuilder s = new StringBuilder();
    if (e.retryAfterSeconds() != null) {
      s.append("retry-after ").append(e.retryAfterSeconds()).append(" s");
    }
    Disconnect d = e.disconnect();
    if (d != null) {
      s.append(d.kind().id());
      if (d.code() != null) {
        s.append(' ').append(d.code());
      }
      if (d.reason() != null && !d.reason().isEmpty()) {
        s.append(" '").append(d.reason()).append('\'');
      }
      if (e.connectedMillis() != null) {
        s.append(" after ").append(e.connectedMillis()).append(" ms");
      }
    } else if (e.status() != null && e.status() == 101) {
      s.append("(open)");
    }
    if (e.resumed()) {
      s.append(s.length() == 0 ? "" : ", ").append("resumed");
    }
    return s.toString();
  }
}
