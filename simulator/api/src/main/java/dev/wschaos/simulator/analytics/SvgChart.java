package dev.wschaos.simulator.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline-SVG chart renderer for the HTML report: line (step) and bar series over a numeric x axis, with
 * "nice" ticks, a legend and labelled vertical markers. No scripts, no external resources.
 */
final class SvgChart {

  static final String[] PALETTE = {"#2563eb", "#16a34a", "#dc2626", "#d97706", "#7c3aed", "#0891b2", "#db2777",
      "#65a30d", "#64748b"};

  record Series(String name, String color, double[] x, double[] y, boolean bars) {}

  record Marker(double x, String label) {}

  private final int width;
  private final int height;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();
  private double xMax = Double.NaN;
  private double yMax = Double.NaN;
  private boolean percentY;

  SvgChart(int width, int height, String xLabel, String yLabel) {
    this.width = width;
    this.height = height;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  SvgChart add(Series s) {
    series.add(s);
    return this;
  }

  SvgChart marker(double x, String label) {
    markers.add(new Marker(x, label));
    return this;
  }

  SvgChart xMax(double value) {
    xMax = value;
    return this;
  }

  SvgChart percentY() {
    percentY = true;
    yMax = 100;
    return this;
  }

  String render() {
    int left = 56;
    int right = 16;
    int top = 28;
    int bottom = 40;
    double xm = Double.isNaN(xMax) ? 0 : xMax;
    double ym = Double.isNaN(yMax) ? 0 : yMax;
    for (Series s : series) {
      for (int i = 0; i < s.x.length; i++) {
        xm = Math.max(xm, s.x[i] + (s.bars ? 1 : 0));
        ym = Math.max(ym, s.y[i]);
      }
    }
    double[] yTicks = ticks(ym <= 0 ? 1 : ym);
    double[] xTicks = ticks(xm <= 0 ? 1 : xm);
    double yTop = yTicks[yTicks.length - 1];
    double xRight = Math.max(xm, 1e-9);
    double pw = width - left - right;
    double ph = height - top - bottom;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(yLabel)).append("\">");
    for (double t : yTicks) {
      double y = top + ph - t / yTop * ph;
      b.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
          left, left + pw, y, y));
      b.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
          left - 6, y + 4, format(t) + (percentY ? "%" : "")));
    }
    for (double t : xTicks) {
      if (t > xRight * 1.0001) {
        continue;
      }
      double x = left + t / xRight * pw;
      b.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
          x, x, top + ph, top + ph + 4));
      b.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
          x, top + ph + 17, format(t)));
    }
    b.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
        left, left + pw, top + ph, top + ph));
    b.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
        left + pw / 2, height - 4, Html.escape(xLabel)));
    b.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\">%s</text>", left - 40, top - 12,
        Html.escape(yLabel)));
    int barSeries = (int) series.stream().filter(Series::bars).count();
    int barIndex = 0;
    for (Series s : series) {
      if (s.bars) {
        double slot = pw / xRight;
        double bw = Math.max(1, slot * 0.8 / barSeries);
        for (int i = 0; i < s.x.length; i++) {
          if (s.y[i] <= 0) {
            continue;
          }
          double x = left + s.x[i] / xRight * pw + slot * 0.1 + barIndex * bw;
          double h = s.y[i] / yTop * ph;
          b.append(String.format(Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>",
              x, top + ph - h, bw, h, s.color, Html.escape(s.name), format(s.y[i])));
        }
        barIndex++;
      } else if (s.x.length > 0) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < s.x.length; i++) {
          double x = left + s.x[i] / xRight * pw;
          double y = top + ph - s.y[i] / yTop * ph;
          path.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
        }
        b.append("<path class=\"line\" d=\"").append(path.toString().trim()).append("\" stroke=\"").append(s.color)
            .append("\"><title>").append(Html.escape(s.name)).append("</title></path>");
      }
    }
    for (Marker m : markers) {
      double x = left + m.x / xRight * pw;
      b.append(String.format(Locale.ROOT,
          "<line class=\"marker\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\"/>"
              + "<text class=\"marker-label\" x=\"%.1f\" y=\"%d\">%s</text>",
          x, x, top, top + ph, x + 4, top + 10, Html.escape(m.label)));
    }
    if (series.size() > 1 || barSeries > 0) {
      int total = 0;
      for (Series s : series) {
        total += 24 + 7 * s.name.length();
      }
      int lx = width - right - total;
      int ly = top - 12;
      for (Series s : series) {
        b.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" rx=\"2\" fill=\"%s\"/>"
                + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>",
            lx, ly - 9, s.color, lx + 14, ly, Html.escape(s.name)));
        lx += 24 + 7 * s.name.length();
      }
    }
    return b.append("</svg>").toString();
  }

  /** Ticks at 1, 2 or 5 times a power of ten, from 0 to at least {@code max}. */
  static double[] ticks(double max) {
    double raw = max / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / magnitude <= 1 ? magnitude : raw / magnitude <= 2 ? 2 * magnitude
        : raw / magnitude <= 5 ? 5 * magnitude : 10 * magnitude;
    int count = (int) Math.ceil(max / step - 1e-9);
    double[] t = new double[count + 1];
    for (int i = 0; i <= count; i++) {
      t[i] = i * step;
    }
    return t;
  }

  static String format(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return String.format(Locale.ROOT, "%,d", (long) Math.rint(v));
    }
    return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
