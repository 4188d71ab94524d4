package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.analytics.Html.escape;
import static dev.wschaos.simulator.analytics.Html.td;
import static dev.wschaos.simulator.analytics.ReportFormat.count;

import java.util.List;

/** Every client in a table, findings first; a click on a row opens its {@link ClientTimeline}. */
final class ClientsSection {

  /** Clients whose timelines are rendered; the table lists every client. */
  static final int MAX_TIMELINES = 500;

  private ClientsSection() {}

  static String render(ReconnectReport report) {
    List<ClientReport> clients = report.clients();
    StringBuilder out = new StringBuilder("<section id=\"clients\"><h2>Clients</h2><p class=\"note\">")
        .append("Clients with findings first. Click a row for its attempt timeline.");
    if (clients.size() > MAX_TIMELINES) {
      out.append(" Timelines are included for the first ").append(MAX_TIMELINES).append(" clients.");
    }
    out.append("</p><table class=\"clients\"><thead><tr><th>client</th><th>attempts</th><th>accepted</th>")
        .append("<th>rejected</th><th>backoff</th><th>jitter</th><th>fit</th><th>findings</th></tr></thead><tbody>");
    for (int i = 0; i < clients.size(); i++) {
      boolean detail = i < MAX_TIMELINES;
      row(out, clients.get(i), detail ? "t" + i : null);
      if (detail) {
        out.append("<tr class=\"detail\" id=\"t").append(i).append("\" hidden><td colspan=\"8\">")
            .append(ClientTimeline.render(clients.get(i))).append("</td></tr>");
      }
    }
    return out.append("</tbody></table></section>\n").toString();
  }

  private static void row(StringBuilder out, ClientReport c, String detailId) {
    BackoffFit b = c.backoff();
    out.append("<tr class=\"client").append(detailId != null ? " clickable" : "").append("\"")
        .append(detailId != null ? " onclick=\"toggle('" + detailId + "')\"" : "").append("><td class=\"key\">")
        .append(escape(c.client())).append("</td>").append(td(count(c.attempts()))).append(td(count(c.accepted())))
        .append(td(count(c.rejected() + c.aborted()))).append("<td><span class=\"kind k-").append(b.kind().id())
        .append("\">").append(escape(b.kind().id())).append("</span> <span class=\"params\">")
        .append(escape(ReportFormat.backoffParameters(b))).append("</span></td>")
        .append(td(b.jitter() == null ? "–" : b.jitter().id()))
        .append(td(b.logRmse() == null ? "–" : ReportFormat.decimal2(b.logRmse()))).append("<td>");
    for (Finding f : c.findings()) {
      out.append("<span class=\"badge\" title=\"").append(escape(f.message())).append("\">")
          .append(escape(f.check().id())).append(f.occurrences() > 1 ? " ×" + f.occurrences() : "")
          .append("</span> ");
    }
    if (c.findings().isEmpty()) {
      out.append("<span class=\"ok\">none</span>");
    }
    out.append("</td></tr>");
  }
}
