package dev.wschaos.simulator.admin;

import dev.wschaos.simulator.analytics.Finding;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The findings of the reconnect report so far, as the first section of the console's report view: what a reader
 * came for (which clients broke which policy check, and how) before the charts.
 *
 * <pre>{@code
 * String html = ConsoleFindings.render(report.findings());
 * }</pre>
 */
final class ConsoleFindings {

  static final int SHOWN = 200;

  private ConsoleFindings() {}

  static String render(List<Finding> findings) {
    StringBuilder out = new StringBuilder("<section id=\"findings\"><h2>Findings</h2>\n");
    if (findings.isEmpty()) {
      return out.append("<p class=\"sub\">No findings: every client passed every check so far.</p></section>\n")
          .toString();
    }
    out.append("<p class=\"sub\">").append(findings.size()).append(findings.size() == 1 ? " finding" : " findings")
        .append(findings.size() > SHOWN ? " (the first " + SHOWN + " shown)" : "").append(
            ", failed policy checks per client; the sections below hold the evidence.</p>\n")
        .append("<table><thead><tr><th scope=\"col\">check</th><th scope=\"col\">client</th>")
        .append("<th scope=\"col\">times</th><th scope=\"col\">attempts</th><th scope=\"col\">what happened</th>")
        .append("</tr></thead><tbody>\n");
    for (Finding f : findings.subList(0, Math.min(SHOWN, findings.size()))) {
      out.append("<tr><td>").append(escape(f.check().id())).append("</td><td>").append(escape(f.client()))
          .append("</td><td>").append(f.occurrences()).append("</td><td>")
          .append(f.attempts().stream().map(String::valueOf).collect(Collectors.joining(", ")))
          .append("</td><td>").append(escape(f.message())).append("</td></tr>\n");
    }
    return out.append("</tbody></table></section>\n").toString();
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
