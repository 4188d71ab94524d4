package dev.wschaos.simulator.analytics;

import java.util.Map;

/** Fleet over time: open connections, upgrades, rejections by status and closes by code, with fleet events marked. */
final class FleetSection {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 230;

  private FleetSection() {}

  static String render(ReconnectReport report) {
    FleetSeries s = report.fleet().series();
    double bucketS = s.bucketMillis() / 1000.0;
    String unit = s.bucketMillis() == 1000 ? "per second" : "per " + s.bucketMillis() + " ms";
    double[] x = new double[s.buckets()];
    for (int i = 0; i < x.length; i++) {
      x[i] = i * bucketS;
    }
    double[] steps = stepX(x, bucketS);
    StringBuilder out = new StringBuilder("<section id=\"fleet\"><h2>Fleet over time</h2><p class=\"note\">Buckets of ")
        .append(s.bucketMillis()).append(" ms from the start of the recording; dashed lines are fleet events.</p>")
        .append("<div class=\"grid2\">");
    out.append(Html.figure(chart(report, "open connections")
        .add(new SvgChart.Series("open", SvgChart.PALETTE[0], steps, stepY(s.open()), false))));
    out.append(Html.figure(chart(report, "upgrades " + unit)
        .add(new SvgChart.Series("attempts", SvgChart.PALETTE[8], steps, stepY(s.attempts()), false))
        .add(new SvgChart.Series("accepted", SvgChart.PALETTE[1], steps, stepY(s.accepted()), false))));
    out.append(Html.figure(byKey(chart(report, "rejected " + unit + " by status"), s.rejected(), 2, steps)
        .xMax(x.length * bucketS)));
    out.append(Html.figure(byKey(chart(report, "closes " + unit + " by code"), s.closes(), 3, steps)
        .xMax(x.length * bucketS)));
    return out.append("</div></section>\n").toString();
  }

  /** A chart over the recording with a dashed marker per fleet event. */
  private static SvgChart chart(ReconnectReport report, String yLabel) {
    SvgChart chart = new SvgChart(WIDTH, HEIGHT, "seconds", yLabel);
    for (EventRecovery r : report.fleet().recoveries()) {
      chart.marker(r.offsetMillis() / 1000.0, r.label());
    }
    return chart;
  }

  private static SvgChart byKey(SvgChart chart, Map<String, int[]> series, int firstColour, double[] steps) {
    int c = firstColour;
    for (Map.Entry<String, int[]> e : series.entrySet()) {
      chart.add(new SvgChart.Series(e.getKey(), SvgChart.PALETTE[c++ % 8], steps, stepY(e.getValue()), false));
    }
    return chart;
  }

  private static double[] stepX(double[] x, double width) {
    double[] out = new double[x.length * 2];
    for (int i = 0; i < x.length; i++) {
      out[2 * i] = x[i];
      out[2 * i + 1] = x[i] + width;
    }
    return out;
  }

  private static double[] stepY(int[] y) {
    double[] out = new double[y.length * 2];
    for (int i = 0; i < y.length; i++) {
      out[2 * i] = y[i];
      out[2 * i + 1] = y[i];
    }
    return out;
  }
}
