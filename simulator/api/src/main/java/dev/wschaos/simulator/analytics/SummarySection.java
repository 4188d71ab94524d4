package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.analytics.Html.escape;
import static dev.wschaos.simulator.analytics.ReportFormat.count;
import static dev.wschaos.simulator.analytics.ReportFormat.join;
import static dev.wschaos.simulator.analytics.ReportFormat.millis;

/** The cards at the top: clients, attempts, reconnects, findings, backoff kinds. */
final class SummarySection {

  private SummarySection() {}

  static String render(ReconnectReport report) {
    ReportSummary s = report.summary();
    DelayDistribution d = report.fleet().delays();
    StringBuilder out = new StringBuilder("<section id=\"summary\"><div class=\"cards\">");
    card(out, "Clients", count(s.clients()), null);
    card(out, "Attempts", count(s.attempts()), count(s.accepted()) + " accepted · " + count(s.rejected())
        + " rejected" + (s.aborted() > 0 ? " · " + count(s.aborted()) + " aborted" : ""));
    card(out, "Reconnects", count(s.reconnects()), d.count() == 0 ? null : "median delay " + millis(d.p50Millis()));
    card(out, "Clients with findings", count(s.clientsWithFindings()),
        s.findings().isEmpty() ? "no failed checks" : join(s.findings()));
    card(out, "Backoff seen", s.backoff().isEmpty() ? "–"
        : count(s.backoff().size()) + (s.backoff().size() == 1 ? " kind" : " kinds"), join(s.backoff()));
    if (s.droppedAttempts() > 0) {
      card(out, "Dropped", count(s.droppedAttempts()), "attempts not kept (recorder full)");
    }
    return out.append("</div></section>\n").toString();
  }

  private static void card(StringBuilder out, String title, String value, String note) {
    out.append("<div class=\"card\"><div class=\"card-title\">").append(escape(title))
        .append("</div><div class=\"card-value\">").append(escape(value)).append("</div>");
    if (note != null) {
      out.append("<div class=\"card-note\">").append(escape(note)).append("</div>");
    }
    out.append("</div>");
  }
}
