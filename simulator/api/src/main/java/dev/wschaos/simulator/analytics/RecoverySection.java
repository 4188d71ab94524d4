package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.analytics.Html.escape;
import static dev.wschaos.simulator.analytics.Html.td;
import static dev.wschaos.simulator.analytics.ReportFormat.count;
import static dev.wschaos.simulator.analytics.ReportFormat.millis;

import java.util.ArrayList;
import java.util.List;

/** Recovery after each fleet event: the figures, the share of lost clients back over time, returns per bucket. */
final class RecoverySection {

  private RecoverySection() {}

  static String render(ReconnectReport report) {
    List<EventRecovery> recoveries = report.fleet().recoveries();
    StringBuilder out = new StringBuilder("<section id=\"recovery\"><h2>Recovery after fleet events</h2>");
    if (recoveries.isEmpty()) {
      return out.append("<p class=\"empty\">No fleet events were recorded.</p></section>\n").toString();
    }
    for (EventRecovery r : recoveries) {
      event(out, r);
    }
    return out.append("</section>\n").toString();
  }

  private static void event(StringBuilder out, EventRecovery r) {
    out.append("<div class=\"event\"><h3>").append(escape(r.label())).append(" <span class=\"at\">at ")
        .append(ReportFormat.seconds(Math.round(r.offsetMillis()))).append(" · ").append(ReportFormat.time(r.at()))
        .append("</span></h3>");
    out.append("<table class=\"figures\"><tr><th>affected</th><th>lost</th><th>back</th><th>50 %</th><th>90 %</th>")
        .append("<th>99 %</th><th>100 %</th><th>peak attempts/s</th><th>herd ratio</th></tr><tr>")
        .append(td(count(r.affected()))).append(td(count(r.lost()))).append(td(count(r.recovered())))
        .append(td(millis(r.p50Millis()))).append(td(millis(r.p90Millis()))).append(td(millis(r.p99Millis())))
        .append(td(millis(r.p100Millis()))).append(td(SvgChart.format(r.peakAttemptsPerSecond())))
        .append("<td class=\"").append(r.herdRatio() >= 0.5 ? "bad" : "").append("\">")
        .append(ReportFormat.decimal2(r.herdRatio())).append("</td></tr>");
    EventRecovery.ReadyRecovery ready = r.toReady();
    if (ready != null) {
      out.append("<tr class=\"ready\"><td colspan=\"2\">to ready</td>").append(td(count(ready.recovered())))
          .append(td(millis(ready.p50Millis()))).append(td(millis(ready.p90Millis())))
          .append(td(millis(ready.p99Millis()))).append(td(millis(ready.p100Millis())))
          .append("<td colspan=\"2\"></td></tr>");
    }
    out.append("</table>");
    out.append("<div class=\"grid2\">").append(Html.figure(backCurve(r))).append(Html.figure(returns(r)))
        .append("</div></div>");
  }

  /** The share of lost clients connected again, as a step curve over seconds after the event. */
  private static SvgChart backCurve(EventRecovery r) {
    List<double[]> curve = new ArrayList<>();
    for (int p = 0; p < r.curveMillis().size(); p++) {
      Long ms = r.curveMillis().get(p);
      if (ms != null) {
        double x = ms / 1000.0;
        if (!curve.isEmpty()) {
          curve.add(new double[] {x, curve.get(curve.size() - 1)[1]});
        }
        curve.add(new double[] {x, p});
      }
    }
    double[] cx = curve.stream().mapToDouble(v -> v[0]).toArray();
    double[] cy = curve.stream().mapToDouble(v -> v[1]).toArray();
    double span = r.returnsPerBucket().length * (r.bucketMillis() / 1000.0);
    return new SvgChart(640, 220, "seconds after the event", "share of lost clients connected again").percentY()
        .xMax(Math.max(span, cx.length == 0 ? 0 : cx[cx.length - 1]))
        .add(new SvgChart.Series("connected again", SvgChart.PALETTE[1], cx, cy, false));
  }

  /** Clients back per bucket, as bars. */
  private static SvgChart returns(EventRecovery r) {
    int[] returns = r.returnsPerBucket();
    double bucketS = r.bucketMillis() / 1000.0;
    double[] bx = new double[returns.length];
    double[] by = new double[returns.length];
    for (int i = 0; i < returns.length; i++) {
      bx[i] = i * bucketS;
      by[i] = returns[i];
    }
    return new SvgChart(640, 220, "seconds after the event", "clients back per " + r.bucketMillis() + " ms")
        .xMax(returns.length * bucketS)
        .add(new SvgChart.Series("returned", SvgChart.PALETTE[0], bx, by, true));
  }
}
