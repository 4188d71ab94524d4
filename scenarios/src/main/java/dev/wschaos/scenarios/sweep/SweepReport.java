package dev.wschaos.scenarios.sweep;

import dev.wschaos.simulator.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One comparison of reconnect policies on the same scenario: a table per policy, the recovery curves overlaid, herd
 * peak vs recovery, and the {@link Recommendation}. Written as one self-contained HTML file (inline CSS and SVG, no
 * script, no network), as JSON, and as text for the console.
 *
 * <pre>{@code
 * SweepReport report = new SweepReport("thundering-herd", 200, 42, "sequential", entries);
 * report.write(Path.of("target/wschaos"));   // thundering-herd-sweep.html, .json
 * System.out.println(report.text());
 * }</pre>
 */
public record SweepReport(String scenario, int users, long seed, String mode, List<SweepEntry> entries) {

  public SweepReport {
    entries = List.copyOf(entries);
  }

  public Recommendation recommendation() {
    return Recommendation.of(entries);
  }

  /** Entries ordered by herd peak, lowest first. */
  public List<SweepEntry> byHerdPeak() {
    return entries.stream().sorted(java.util.Comparator.comparingDouble(SweepEntry::herdPeak)).toList();
  }

  /** Writes {@code SCENARIO-sweep.html} and {@code SCENARIO-sweep.json} into {@code dir}; returns the HTML path. */
  public Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path html = dir.resolve(scenario + "-sweep.html").toAbsolutePath();
    Files.writeString(html, html());
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(scenario + "-sweep.json").toFile(),
        Map.of("scenario", scenario, "users", users, "seed", seed, "mode", mode, "entries", entries,
            "recommendation", recommendation().sentences()));
    return html;
  }

  public String text() {
    StringBuilder out = new StringBuilder(String.format("%n===== wschaos policy sweep: %s, %d users, seed %d, %s "
        + "=====%n", scenario, users, seed, mode));
    out.append(String.format("%-24s %6s %6s %9s %9s %9s %9s %6s %10s %8s  %s%n", "policy", "lost", "back", "p50",
        "p90", "p99", "peak/s", "ratio", "handshakes", "refused", "findings"));
    for (SweepEntry e : entries) {
      out.append(String.format("%-24s %6d %6d %9s %9s %9s %9.0f %6.2f %10d %8d  %s%n", e.label(), e.lost(),
          e.recovered(), ms(e.p50Millis()), ms(e.p90Millis()), ms(e.p99Millis()), e.herdPeak(), e.herdRatio(),
          e.handshakes(), e.refused(), e.findings()));
    }
    recommendation().sentences().forEach(s -> out.append("* ").append(s).append('\n'));
    return out.toString();
  }

  public String html() {
    Recommendation rec = recommendation();
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>wschaos policy sweep: " + escape(scenario) + "</title>\n<style>body{font-family:sans-serif;"
        + "margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;"
        + "text-align:right}td:first-child,th:first-child{text-align:left}tr.front td:first-child{font-weight:bold}"
        + "figure{display:inline-block;margin:1em 1em 0 0}code{font-size:90%}</style></head><body>\n");
    h.append("<h1>Reconnect policy sweep: ").append(escape(scenario)).append("</h1>\n<p>")
        .append(entries.size()).append(" policies, each against a fresh embedded simulator, ").append(users)
        .append(" users, seed ").append(seed).append(", run ").append(escape(mode)).append(". Recovery is counted "
            + "from the fleet event (").append(escape(entries.stream().map(SweepEntry::event)
            .filter(java.util.Objects::nonNull).distinct().collect(Collectors.joining(", "))))
        .append("); the herd peak is the highest attempts per second until everyone was back. Bold: on the Pareto "
            + "front.</p>\n");
    h.append("<section id=\"recommendation\"><h2>Recommendation</h2><ul>\n");
    rec.sentences().forEach(s -> h.append("<li>").append(escape(s)).append("</li>\n"));
    h.append("</ul></section>\n<section id=\"comparison\"><h2>Per policy</h2><table>\n<tr><th>policy</th>"
        + "<th>lost</th><th>back</th><th>p50</th><th>p90</th><th>p99</th><th>p100</th><th>herd peak /s</th>"
        + "<th>herd ratio</th><th>handshakes</th><th>accepted</th><th>refused (by status)</th><th>aborted</th>"
        + "<th>gave up</th><th>findings (clients)</th></tr>\n");
    for (SweepEntry e : entries) {
      h.append("<tr").append(rec.front().contains(e) ? " class=\"front\"" : "").append("><td>")
          .append(escape(e.label())).append("</td><td>").append(e.lost()).append("</td><td>").append(e.recovered())
          .append("</td><td>").append(ms(e.p50Millis())).append("</td><td>").append(ms(e.p90Millis()))
          .append("</td><td>").append(ms(e.p99Millis())).append("</td><td>").append(ms(e.p100Millis()))
          .append("</td><td>").append(String.format("%.0f", e.herdPeak())).append("</td><td>")
          .append(String.format("%.2f", e.herdRatio())).append("</td><td>").append(e.handshakes()).append("</td><td>")
          .append(e.accepted()).append("</td><td>").append(e.refused()).append(e.refusedByStatus().isEmpty() ? ""
              : " " + escape(e.refusedByStatus().toString())).append("</td><td>").append(e.aborted())
          .append("</td><td>").append(e.giveUps()).append("</td><td>").append(escape(e.findings().toString()))
          .append("</td></tr>\n");
    }
    h.append("</table></section>\n<section id=\"charts\"><h2>Charts</h2>\n<figure id=\"recovery-curves\">")
        .append(SweepCharts.recoveryCurves(entries)).append("<figcaption>Share of the lost clients back, against "
            + "time since the fleet event.</figcaption></figure>\n<figure id=\"trade-off\">")
        .append(SweepCharts.tradeOff(entries, rec.front())).append("<figcaption>Herd peak vs recovery p99; the "
            + "dashed line joins the Pareto front. Lower left is better.</figcaption></figure></section>\n");
    h.append("<section id=\"policies\"><h2>Policies as data</h2><ul>\n");
    entries.forEach(e -> h.append("<li><b>").append(escape(e.label())).append("</b>: <code>")
        .append(escape(e.policyJson())).append("</code></li>\n"));
    return h.append("</ul></section>\n</body></html>\n").toString();
  }

  private static String ms(Long millis) {
    return millis == null ? "never" : String.format("%,d ms", millis);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
