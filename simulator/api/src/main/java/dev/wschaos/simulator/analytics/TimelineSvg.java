package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.analytics.Html.escape;

import java.util.List;
import java.util.Locale;

/** A client's attempts on a time axis: connections as bars, rejections as red ticks, aborted attempts as grey ticks. */
final class TimelineSvg {

  private static final int WIDTH = 1100;
  private static final int LEFT = 10;

  private TimelineSvg() {}

  static String render(List<TimelineEntry> t) {
    double first = t.get(0).offsetMillis();
    double last = first;
    for (TimelineEntry e : t) {
      double end = e.offsetMillis() + (e.connectedMillis() == null ? 0 : e.connectedMillis());
      last = Math.max(last, end);
    }
    double span = Math.max(1, last - first);
    double pw = WIDTH - 2 * LEFT;
    StringBuilder b = new StringBuilder("<svg class=\"tl\" viewBox=\"0 0 " + WIDTH + " 64\" width=\"" + WIDTH
        + "\" height=\"64\"><line class=\"axis\" x1=\"10\" x2=\"" + (WIDTH - LEFT) + "\" y1=\"30\" y2=\"30\"/>");
    double lastLabel = -100;
    for (TimelineEntry e : t) {
      double x = LEFT + (e.offsetMillis() - first) / span * pw;
      String tip = "#" + e.number() + " at " + String.format(Locale.ROOT, "%.3f s", e.offsetMillis() / 1000)
          + (e.delayMillis() != null ? ", delay " + e.delayMillis() + " ms" : "");
      if (e.outcome() == AttemptOutcome.ACCEPTED) {
        connection(b, e, x, span, pw, tip);
      } else {
        String cls = e.outcome() == AttemptOutcome.REJECTED ? "rej" : "abort";
        b.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"18\" y2=\"42\">"
            + "<title>%s, %s</title></line>", cls, x, x, escape(tip),
            e.outcome() == AttemptOutcome.REJECTED ? "rejected " + e.status() : "aborted"));
        if (x - lastLabel >= 24) {
          lastLabel = x;
          b.append(String.format(Locale.ROOT, "<text class=\"code\" x=\"%.1f\" y=\"12\">%s</text>", x - 8,
              e.outcome() == AttemptOutcome.REJECTED ? e.status() : "×"));
        }
      }
    }
    return b.append("</svg>").toString();
  }

  private static void connection(StringBuilder b, TimelineEntry e, double x, double span, double pw, String tip) {
    Disconnect d = e.disconnect();
    double w = e.connectedMillis() == null ? Math.max(12, WIDTH - LEFT - x)
        : Math.max(2, e.connectedMillis() / span * pw);
    String cls = d == null ? "open" : d.kind().id();
    b.append(String.format(Locale.ROOT, "<rect class=\"conn %s\" x=\"%.1f\" y=\"22\" width=\"%.1f\" "
        + "height=\"16\" rx=\"2\"><title>%s, connected%s</title></rect>", cls, x, w, escape(tip),
        d == null ? " (still open)" : " " + e.connectedMillis() + " ms, " + escape(d.kind().id())
            + (d.code() != null ? " " + d.code() : "")));
    if (d != null && d.code() != null) {
      b.append(String.format(Locale.ROOT, "<text class=\"code\" x=\"%.1f\" y=\"54\">%d</text>", x + w, d.code()));
    }
  }
}
