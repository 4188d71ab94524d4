package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.analytics.Html.escape;
import static dev.wschaos.simulator.analytics.Html.td;
import static dev.wschaos.simulator.analytics.ReportFormat.count;
import static dev.wschaos.simulator.analytics.ReportFormat.millis;
import static dev.wschaos.simulator.analytics.ReportFormat.shortMillis;

import java.util.Locale;

/** Reconnect delays across the fleet: percentiles and a histogram. */
final class DelaySection {

  private DelaySection() {}

  static String render(ReconnectReport report) {
    DelayDistribution d = report.fleet().delays();
    StringBuilder out = new StringBuilder("<section id=\"delays\"><h2>Reconnect delays</h2>");
    if (d.count() == 0) {
      return out.append("<p class=\"empty\">No client reconnected.</p></section>\n").toString();
    }
    out.append("<table class=\"figures\"><tr><th>delays</th><th>min</th><th>p50</th><th>p90</th><th>p99</th>")
        .append("<th>max</th><th>mean</th></tr><tr>").append(td(count(d.count()))).append(td(millis(d.minMillis())))
        .append(td(millis(d.p50Millis()))).append(td(millis(d.p90Millis()))).append(td(millis(d.p99Millis())))
        .append(td(millis(d.maxMillis()))).append(td(millis(Math.round(d.meanMillis())))).append("</tr></table>");
    out.append("<div class=\"histogram\">");
    int max = d.histogram().stream().mapToInt(DelayDistribution.Bin::count).max().orElse(1);
    for (DelayDistribution.Bin bin : d.histogram()) {
      String label = bin.toMillis() == null ? "≥ " + shortMillis(bin.fromMillis())
          : shortMillis(bin.fromMillis()) + "–" + shortMillis(bin.toMillis());
      double pct = max == 0 ? 0 : 100.0 * bin.count() / max;
      out.append("<div class=\"hrow\"><span class=\"hlabel\">").append(escape(label))
          .append("</span><span class=\"hbar\"><span style=\"width:")
          .append(String.format(Locale.ROOT, "%.1f", pct)).append("%\"></span></span><span class=\"hcount\">")
          .append(count(bin.count())).append("</span></div>");
    }
    return out.append("</div></section>\n").toString();
  }
}
