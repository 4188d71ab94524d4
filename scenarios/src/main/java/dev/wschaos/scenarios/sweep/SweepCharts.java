package dev.wschaos.scenarios.sweep;

import java.util.List;
import java.util.Locale;

/**
 * The sweep's two charts as inline SVG (no script, no network): the recovery curves overlaid (share of the lost
 * clients back vs seconds since the event) and herd peak vs recovery p99, the Pareto front joined by a dashed line.
 */
final class SweepCharts {

  static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
      "#17becf", "#7f7f7f", "#bcbd22"};
  private static final int W = 640;
  private static final int H = 320;
  private static final int L = 56;
  private static final int R = 16;
  private static final int T = 16;
  private static final int B = 40;

  private SweepCharts() {}

  static String colour(int i) {
    return COLOURS[i % COLOURS.length];
  }

  static String recoveryCurves(List<SweepEntry> entries) {
    long maxMs = 1000;
    for (SweepEntry e : entries) {
      for (Long v : e.curveMillis()) {
        if (v != null) {
          maxMs = Math.max(maxMs, v);
        }
      }
    }
    double maxS = niceCeiling(maxMs / 1000.0);
    StringBuilder svg = frame("recovery curves", "seconds since the fleet event", "% of lost clients back", maxS,
        100);
    for (int i = 0; i < entries.size(); i++) {
      StringBuilder points = new StringBuilder();
      List<Long> curve = entries.get(i).curveMillis();
      for (int pct = 0; pct < curve.size(); pct++) {
        Long v = curve.get(pct);
        if (v != null) {
          points.append(fmt(x(v / 1000.0, maxS))).append(',').append(fmt(y(pct, 100))).append(' ');
        }
      }
      svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour(i)).append("\" points=\"")
          .append(points.toString().trim()).append("\"><title>").append(SweepReport.escape(entries.get(i).label()))
          .append("</title></polyline>\n");
    }
    return svg.append(legend(entries)).append("</svg>\n").toString();
  }

  static String tradeOff(List<SweepEntry> entries, List<SweepEntry> front) {
    List<SweepEntry> recovered = entries.stream().filter(e -> e.p99Millis() != null).toList();
    double maxS = niceCeiling(recovered.stream().mapToLong(SweepEntry::p99Millis).max().orElse(1000) / 1000.0);
    double maxPeak = niceCeiling(entries.stream().mapToDouble(SweepEntry::herdPeak).max().orElse(1));
    StringBuilder svg = frame("herd peak vs recovery", "recovery p99 (s)", "herd peak (attempts/s)", maxS, maxPeak);
    StringBuilder line = new StringBuilder();
    front.stream().filter(e -> e.p99Millis() != null)
        .sorted(java.util.Comparator.comparingLong(SweepEntry::p99Millis))
        .forEach(e -> line.append(fmt(x(e.p99Millis() / 1000.0, maxS))).append(',')
            .append(fmt(y(e.herdPeak(), maxPeak))).append(' '));
    svg.append("<polyline fill=\"none\" stroke=\"#555\" stroke-dasharray=\"4 3\" points=\"")
        .append(line.toString().trim()).append("\"/>\n");
    for (int i = 0; i < entries.size(); i++) {
      SweepEntry e = entries.get(i);
      if (e.p99Millis() == null) {
        continue;
      }
      double cx = x(e.p99Millis() / 1000.0, maxS);
      double cy = y(e.herdPeak(), maxPeak);
      svg.append("<circle r=\"6\" cx=\"").append(fmt(cx)).append("\" cy=\"").append(fmt(cy)).append("\" fill=\"")
          .append(colour(i)).append("\"><title>").append(SweepReport.escape(e.label() + ": "
              + Recommendation.figures(e))).append("</title></circle>\n")
          .append("<text font-size=\"11\" x=\"").append(fmt(cx + 8)).append("\" y=\"").append(fmt(cy - 6))
          .append("\">").append(SweepReport.escape(e.label())).append("</text>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  private static StringBuilder frame(String title, String xLabel, String yLabel, double maxX, double maxY) {
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + W
        + "\" height=\"" + H + "\" viewBox=\"0 0 " + W + " " + H + "\" font-family=\"sans-serif\"><title>" + title
        + "</title>\n<rect x=\"" + L + "\" y=\"" + T + "\" width=\"" + (W - L - R) + "\" height=\"" + (H - T - B)
        + "\" fill=\"#fafafa\" stroke=\"#999\"/>\n");
    for (int i = 0; i <= 4; i++) {
      double vx = maxX * i / 4;
      double vy = maxY * i / 4;
      svg.append("<text font-size=\"10\" text-anchor=\"middle\" x=\"").append(fmt(x(vx, maxX))).append("\" y=\"")
          .append(H - B + 14).append("\">").append(fmt(vx)).append("</text>\n")
          .append("<text font-size=\"10\" text-anchor=\"end\" x=\"").append(L - 4).append("\" y=\"")
          .append(fmt(y(vy, maxY) + 3)).append("\">").append(fmt(vy)).append("</text>\n")
          .append("<line stroke=\"#e4e4e4\" x1=\"").append(L).append("\" x2=\"").append(W - R).append("\" y1=\"")
          .append(fmt(y(vy, maxY))).append("\" y2=\"").append(fmt(y(vy, maxY))).append("\"/>\n");
    }
    svg.append("<text font-size=\"11\" text-anchor=\"middle\" x=\"").append((L + W - R) / 2).append("\" y=\"")
        .append(H - 6).append("\">").append(xLabel).append("</text>\n")
        .append("<text font-size=\"11\" text-anchor=\"middle\" transform=\"translate(14,").append((T + H - B) / 2)
        .append(") rotate(-90)\">").append(yLabel).append("</text>\n");
    return svg;
  }

  private static String legend(List<SweepEntry> entries) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < entries.size(); i++) {
      int ly = T + 14 + 14 * i;
      out.append("<rect width=\"10\" height=\"10\" x=\"").append(W - R - 170).append("\" y=\"").append(ly - 9)
          .append("\" fill=\"").append(colour(i)).append("\"/><text font-size=\"11\" x=\"").append(W - R - 155)
          .append("\" y=\"").append(ly).append("\">").append(SweepReport.escape(entries.get(i).label()))
          .append("</text>\n");
    }
    return out.toString();
  }

  private static double x(double value, double max) {
    return L + (W - L - R) * (max <= 0 ? 0 : value / max);
  }

  private static double y(double value, double max) {
    return H - B - (H - T - B) * (max <= 0 ? 0 : value / max);
  }

  static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
