package dev.wschaos.simulator.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Classifies reconnect delays {@code (k, delay)}, k being the retry index within a retry run, into a backoff model.
 *
 * <pre>
 *   points --p90 &lt; immediateBelow?--&gt; immediate
 *          --fit the 90th-percentile curve of ln(delay)--&gt; constant | linear | exponential | capped exponential
 *          --pick the lowest  2n ln(L/n + 1e-3) + p ln n   (L: quantile loss, p: parameters)
 *          --ratios delay / curve--&gt; jitter (uniform range estimate) and envelope = curve * upper edge
 * </pre>
 *
 * Jitter multiplies the envelope by a random factor {@code u} in {@code [lower, 1]}: {@code ln delay = ln envelope +
 * ln u}, the same noise at every retry index. Least squares on {@code ln delay} would be swamped by the long lower
 * tail of {@code ln u} under full jitter, so each model is fitted by quantile regression at the 90th percentile (the
 * curve 90 % of the delays lie under; the best line passes through two of the points, which are all tried), which
 * sits close to the envelope and tolerates a few outliers. A cap is a plateau: exponential below a split retry
 * index, constant at and above it, with at least two delays on the plateau, a plateau at least 1.5 times the first
 * delay, and 8 delays or more.
 *
 * <pre>{@code
 * BackoffFit fit = BackoffClassifier.classify(List.of(new BackoffClassifier.Point(0, 100), ...), settings);
 * }</pre>
 */
public final class BackoffClassifier {

  /** One reconnect delay: its retry index in the run (0 = first retry) and its length. */
  public record Point(int retryIndex, double millis) {}

  static final double NO_JITTER_SPREAD = 0.2;
  static final double TAU = 0.9;
  static final int MIN_POINTS_FOR_CAP = 8;
  private static final double MIN_CAP_RISE = Math.log(1.5);
  private static final int MAX_POINTS = 300;
  private static final double EXACT_FLOOR = 1e-3;
  private static final double FLAT_GROWTH = Math.log(1.05);

  private BackoffClassifier() {}

  public static BackoffFit classify(List<Point> all, AnalyticsSettings settings) {
    int n = all.size();
    int needed = settings.minimumDelaysToClassify();
    if (n < needed) {
      return new BackoffFit(BackoffKind.NOT_ENOUGH_ATTEMPTS, null, null, null, null, null, null, null, null, n,
          "not enough attempts: " + n + " backoff delay" + (n == 1 ? "" : "s") + ", at least " + needed + " needed");
    }
    List<Point> points = n > MAX_POINTS ? all.subList(n - MAX_POINTS, n) : all;
    n = points.size();
    double[] d = points.stream().mapToDouble(p -> Math.max(1.0, p.millis())).toArray();
    double[] k = points.stream().mapToDouble(Point::retryIndex).toArray();
    double[] y = Arrays.stream(d).map(Math::log).toArray();
    double[] sorted = d.clone();
    Arrays.sort(sorted);
    double p90 = Stats.percentileSorted(sorted, 0.90);
    if (p90 < settings.immediateBelow().toMillis()) {
      double median = Stats.percentileSorted(sorted, 0.5);
      return new BackoffFit(BackoffKind.IMMEDIATE, null, median, null, null, null, null, null, null, all.size(),
          String.format(Locale.ROOT, "immediate (median %.0f ms, p90 %.0f ms)", median, p90));
    }

    List<Model> candidates = new ArrayList<>();
    candidates.add(constant(y));
    TreeSet<Double> distinct = new TreeSet<>();
    for (double v : k) {
      distinct.add(v);
    }
    if (distinct.size() >= 2) {
      Model exp = exponential(k, y, k.length);
      if (exp.b > FLAT_GROWTH) {
        candidates.add(exp);
      }
      Model lin = linear(k, d, y);
      if (lin != null && lin.b > 0.02 * Math.max(lin.a, 1)) {
        candidates.add(lin);
      }
    }
    if (distinct.size() >= 3 && n >= MIN_POINTS_FOR_CAP) {
      Model capped = capped(k, y, distinct);
      if (capped != null) {
        candidates.add(capped);
      }
    }
    Model best = candidates.get(0);
    for (Model m : candidates) {
      if (m.score(n) < best.score(n)) {
        best = m;
      }
    }
    return describe(best, k, d, y, n);
  }

  private static BackoffFit describe(Model m, double[] k, double[] d, double[] y, int n) {
    double[] ratio = new double[n];
    double[] logRatio = new double[n];
    for (int i = 0; i < n; i++) {
      ratio[i] = d[i] / m.predict(k[i]);
      logRatio[i] = Math.log(ratio[i]);
    }
    double min = Arrays.stream(ratio).min().orElse(1);
    double max = Arrays.stream(ratio).max().orElse(1);
    double meanLog = Arrays.stream(logRatio).average().orElse(0);
    Jitter jitter;
    double scale;
    double lowerFraction;
    if ((max - min) / max <= NO_JITTER_SPREAD) {
      jitter = Jitter.NONE;
      scale = Math.exp(meanLog);
      lowerFraction = min / max;
    } else {
      double pad = (max - min) / (n - 1);
      double upper = max + pad;
      lowerFraction = Math.max(0, (min - pad) / upper);
      scale = upper;
      jitter = lowerFraction <= 0.15 ? Jitter.FULL
          : lowerFraction >= 0.35 && lowerFraction <= 0.65 ? Jitter.EQUAL : Jitter.PARTIAL;
    }
    double meanY = Arrays.stream(y).average().orElse(0);
    double tss = Arrays.stream(y).map(v -> (v - meanY) * (v - meanY)).sum();
    double rss = Arrays.stream(logRatio).map(v -> (v - meanLog) * (v - meanLog)).sum();
    double rSquared = m.kind == BackoffKind.CONSTANT ? 0 : tss <= 0 ? 1 : Math.max(0, 1 - rss / tss);
    double logRmse = Math.sqrt(rss / n);
    Double base = round(m.predict(0) * scale);
    Double factor = null;
    Double increment = null;
    Double cap = null;
    String shape;
    switch (m.kind) {
      case EXPONENTIAL -> {
        factor = round3(Math.exp(m.b));
        shape = String.format(Locale.ROOT, "exponential %.0f ms x%.2f", base, factor);
      }
      case CAPPED_EXPONENTIAL -> {
        factor = round3(Math.exp(m.b));
        cap = round(Math.exp(m.cap) * scale);
        shape = String.format(Locale.ROOT, "exponential %.0f ms x%.2f, cap %.0f ms", base, factor, cap);
      }
      case LINEAR -> {
        base = round(m.a * scale);
        increment = round(m.b * scale);
        shape = String.format(Locale.ROOT, "linear %.0f ms + %.0f ms per retry", base, increment);
      }
      default -> shape = String.format(Locale.ROOT, "constant %.0f ms", base);
    }
    String summary = shape + ", " + (jitter == Jitter.NONE ? "no jitter" : jitter.id() + " jitter")
        + String.format(Locale.ROOT, " (%d delays, log RMSE %.2f)", n, logRmse);
    return new BackoffFit(m.kind, jitter, base, factor, increment, cap, round3(lowerFraction), round3(logRmse),
        round3(rSquared), n, summary);
  }

  private static Model constant(double[] y) {
    double c = Stats.percentile(y, TAU);
    Model m = new Model(BackoffKind.CONSTANT, 1, c, 0, Double.NaN, Double.NaN);
    m.loss = loss(m, null, y);
    return m;
  }

  /** Quantile regression of {@code y = a + b k} over the first {@code n} points: the best line through two of them. */
  private static Model exponential(double[] k, double[] y, int n) {
    Model best = null;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (k[i] == k[j]) {
          continue;
        }
        double b = (y[j] - y[i]) / (k[j] - k[i]);
        double a = y[i] - b * k[i];
        double loss = 0;
        for (int m = 0; m < n; m++) {
          loss += rho(y[m] - a - b * k[m]);
        }
        if (best == null || loss < best.loss) {
          best = new Model(BackoffKind.EXPONENTIAL, 2, a, b, Double.NaN, Double.NaN);
          best.loss = loss;
        }
      }
    }
    return best;
  }

  /** Lines through two points in linear space, judged by their quantile loss in log space. */
  private static Model linear(double[] k, double[] d, double[] y) {
    Model best = null;
    for (int i = 0; i < k.length; i++) {
      for (int j = i + 1; j < k.length; j++) {
        if (k[i] == k[j]) {
          continue;
        }
        double b = (d[j] - d[i]) / (k[j] - k[i]);
        if (b <= 0) {
          continue;
        }
        Model m = new Model(BackoffKind.LINEAR, 2, d[i] - b * k[i], b, Double.NaN, Double.NaN);
        m.loss = loss(m, k, y);
        if (best == null || m.loss < best.loss) {
          best = m;
        }
      }
    }
    return best;
  }

  /** Best split: exponential on k below it (two distinct k or more), plateau on the rest (two delays or more). */
  private static Model capped(double[] k, double[] y, TreeSet<Double> distinct) {
    Model best = null;
    List<Double> ks = new ArrayList<>(distinct);
    for (int s = 2; s < ks.size(); s++) {
      double split = ks.get(s);
      int below = 0;
      for (double v : k) {
        below += v < split ? 1 : 0;
      }
      int above = k.length - below;
      if (above < 2) {
        continue;
      }
      double[] kb = new double[below];
      double[] yb = new double[below];
      double[] ya = new double[above];
      int j = 0;
      int h = 0;
      for (int i = 0; i < k.length; i++) {
        if (k[i] < split) {
          kb[j] = k[i];
          yb[j++] = y[i];
        } else {
          ya[h++] = y[i];
        }
      }
      Model exp = exponential(kb, yb, below);
      double plateau = Stats.percentile(ya, TAU);
      double lastBelow = ks.get(s - 1);
      if (exp == null || exp.b <= FLAT_GROWTH || plateau < exp.a + exp.b * lastBelow - 0.5
          || plateau - (exp.a + exp.b * ks.get(0)) < MIN_CAP_RISE) {
        continue;
      }
      Model m = new Model(BackoffKind.CAPPED_EXPONENTIAL, 3, exp.a, exp.b, plateau, split);
      m.loss = loss(m, k, y);
      if (best == null || m.loss < best.loss) {
        best = m;
      }
    }
    return best;
  }

  private static double loss(Model m, double[] k, double[] y) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum += rho(y[i] - Math.log(m.predict(k == null ? 0 : k[i])));
    }
    return sum;
  }

  private static double rho(double r) {
    return r >= 0 ? TAU * r : (TAU - 1) * r;
  }

  private static Double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static Double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** A fitted curve; {@code a}, {@code b} are ln-space for exponential models and linear-space for linear. */
  private static final class Model {
    final BackoffKind kind;
    final int parameters;
    final double a;
    final double b;
    final double cap;
    final double split;
    double loss;

    Model(BackoffKind kind, int parameters, double a, double b, double cap, double split) {
      this.kind = kind;
      this.parameters = parameters;
      this.a = a;
      this.b = b;
      this.cap = cap;
      this.split = split;
    }

    double predict(double k) {
      return switch (kind) {
        case CONSTANT -> Math.exp(a);
        case EXPONENTIAL -> Math.exp(a + b * k);
        case CAPPED_EXPONENTIAL -> k < split ? Math.exp(a + b * k) : Math.exp(cap);
        case LINEAR -> Math.max(1.0, a + b * k);
        default -> throw new IllegalStateException(kind.toString());
      };
    }

    double score(int n) {
      return 2 * n * Math.log(loss / n + EXACT_FLOOR) + parameters * Math.log(n);
    }
  }
}
