package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.analytics.Html.escape;
import static dev.wschaos.simulator.analytics.Html.td;
import static dev.wschaos.simulator.analytics.ReportFormat.millis;

import java.util.Locale;

/** One client's detail: its backoff fit, its findings, its attempts on a time axis and in a table. */
final class ClientTimeline {

  private ClientTimeline() {}

  static String render(ClientReport c) {
    StringBuilder out = new StringBuilder("<div class=\"timeline\"><p class=\"fit\">")
        .append(escape(c.backoff().summary())).append("</p>");
    for (Finding f : c.findings()) {
      out.append("<p class=\"finding\"><b>").append(escape(f.check().id())).append("</b>: ")
          .append(escape(f.message())).append(f.occurrences() > 1 ? " (" + f.occurrences() + " times, attempts "
              + f.attempts() + ")" : "").append("</p>");
    }
    out.append(TimelineSvg.render(c.timeline()));
    out.append("<table class=\"attempts\"><tr><th>#</th><th>at (s)</th><th>delay</th><th>retry</th><th>outcome</th>")
        .append("<th>connected</th><th>ended by</th><th>advised</th><th>resumed</th></tr>");
    for (TimelineEntry e : c.timeline()) {
      Disconnect d = e.disconnect();
      Long advised = d != null ? d.advisedDelayMillis()
          : e.retryAfterSeconds() == null ? null : e.retryAfterSeconds() * 1000L;
      out.append("<tr class=\"o-").append(e.outcome().id()).append("\">").append(td(Integer.toString(e.number())))
          .append(td(String.format(Locale.ROOT, "%.3f", e.offsetMillis() / 1000))).append(td(millis(e.delayMillis())))
          .append(td(e.retryIndex() == null ? "" : e.retryIndex().toString())).append(td(outcome(e)))
          .append(td(millis(e.connectedMillis()))).append(td(endedBy(e))).append(td(millis(advised)))
          .append(td(e.resumed() ? "yes" : "")).append("</tr>");
    }
    return out.append("</table></div>").toString();
  }

  private static String outcome(TimelineEntry e) {
    return switch (e.outcome()) {
      case ACCEPTED -> "101";
      case REJECTED -> e.status() + (e.retryAfterSeconds() != null ? " (Retry-After " + e.retryAfterSeconds()
          + ")" : "");
      case ABORTED -> "aborted";
    };
  }

  private static String endedBy(TimelineEntry e) {
    Disconnect d = e.disconnect();
    if (d == null) {
      return e.outcome() == AttemptOutcome.ACCEPTED ? "open" : "";
    }
    return d.kind().id() + (d.code() != null ? " " + d.code() : "")
        + (d.reason() != null && !d.reason().isEmpty() ? " “" + d.reason() + "”" : "");
  }
}
