package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.analytics.Synthetic.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffClassifierTest {

  private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();

  @Test
  void exactExponentialIsRecoveredExactly() {
    BackoffFit fit = BackoffClassifier.classify(run(100, 200, 400, 800, 1600, 3200, 6400), SETTINGS);

    assertThat(fit.kind()).isEqualTo(BackoffKind.EXPONENTIAL);
    assertThat(fit.jitter()).isEqualTo(Jitter.NONE);
    assertThat(fit.baseMillis()).isCloseTo(100.0, within(1.0));
    assertThat(fit.factor()).isCloseTo(2.0, within(0.01));
    assertThat(fit.capMillis()).isNull();
    assertThat(fit.logRmse()).isLessThan(0.01);
    assertThat(fit.rSquared()).isGreaterThan(0.99);
  }

  /** Tolerance: factor 2 +- 0.4, base 100 ms +- 40 %, cap 2 s +- 25 % (met by 98 % of 200 seeds at 4 runs of 10). */
  @Test
  void cappedExponentialWithFullJitterIsRecoveredWithinTolerance() {
    Random random = new Random(42);
    List<BackoffClassifier.Point> points = new ArrayList<>();
    for (int runs = 0; runs < 4; runs++) {
      for (int k = 0; k < 10; k++) {
        points.add(new BackoffClassifier.Point(k, random.nextDouble() * Math.min(2000, 100 * Math.pow(2, k))));
      }
    }

    BackoffFit fit = BackoffClassifier.classify(points, SETTINGS);

    assertThat(fit.kind()).isEqualTo(BackoffKind.CAPPED_EXPONENTIAL);
    assertThat(fit.jitter()).isEqualTo(Jitter.FULL);
    assertThat(fit.factor()).isCloseTo(2.0, within(0.4));
    assertThat(fit.baseMillis()).isCloseTo(100.0, within(40.0));
    assertThat(fit.capMillis()).isCloseTo(2000.0, within(500.0));
    assertThat(fit.jitterLowerFraction()).isLessThanOrEqualTo(0.15);
  }

  @Test
  void exactCappedExponentialFindsThePlateau() {
    BackoffFit fit = BackoffClassifier.classify(run(250, 500, 1000, 2000, 4000, 5000, 5000, 5000), SETTINGS);

    assertThat(fit.kind()).isEqualTo(BackoffKind.CAPPED_EXPONENTIAL);
    assertThat(fit.jitter()).isEqualTo(Jitter.NONE);
    assertThat(fit.baseMillis()).isCloseTo(250.0, within(2.5));
    assertThat(fit.factor()).isCloseTo(2.0, within(0.01));
    assertThat(fit.capMillis()).isCloseTo(5000.0, within(50.0));
  }

  @Test
  void constantDelays() {
    BackoffFit fit = BackoffClassifier.classify(run(500, 500, 500, 500, 500, 500), SETTINGS);

    assertThat(fit.kind()).isEqualTo(BackoffKind.CONSTANT);
    assertThat(fit.jitter()).isEqualTo(Jitter.NONE);
    assertThat(fit.baseMillis()).isCloseTo(500.0, within(1.0));
    assertThat(fit.summary()).startsWith("constant 500 ms, no jitter");
  }

  @Test
  void immediateRetries() {
    BackoffFit fit = BackoffClassifier.classify(run(2, 3, 1, 5, 2, 4, 3, 2), SETTINGS);

    assertThat(fit.kind()).isEqualTo(BackoffKind.IMMEDIATE);
    assertThat(fit.baseMillis()).isCloseTo(2.0, within(1.0));
  }

  @Test
  void linearDelays() {
    BackoffFit fit = BackoffClassifier.classify(run(200, 500, 800, 1100, 1400, 1700, 2000), SETTINGS);

    assertThat(fit.kind()).isEqualTo(BackoffKind.LINEAR);
    assertThat(fit.jitter()).isEqualTo(Jitter.NONE);
    assertThat(fit.baseMillis()).isCloseTo(200.0, within(2.0));
    assertThat(fit.incrementMillis()).isCloseTo(300.0, within(3.0));
  }

  @Test
  void tooFewDelaysAreNotGuessed() {
    BackoffFit fit = BackoffClassifier.classify(run(100, 200, 400), SETTINGS);

    assertThat(fit.kind()).isEqualTo(BackoffKind.NOT_ENOUGH_ATTEMPTS);
    assertThat(fit.factor()).isNull();
    assertThat(fit.summary()).isEqualTo("not enough attempts: 3 backoff delays, at least 4 needed");
  }

  /** Tolerance: factor 1.5 +- 5 %, base 200 ms +- 10 % under +-8 % measurement noise (no jitter: spread < 20 %). */
  @Test
  void noisyExponentialIsStillExponential() {
    Random random = new Random(7);
    List<BackoffClassifier.Point> points = new ArrayList<>();
    for (int runs = 0; runs < 2; runs++) {
      for (int k = 0; k < 8; k++) {
        points.add(new BackoffClassifier.Point(k, 200 * Math.pow(1.5, k) * (0.92 + 0.16 * random.nextDouble())));
      }
    }

    BackoffFit fit = BackoffClassifier.classify(points, SETTINGS);

    assertThat(fit.kind()).isEqualTo(BackoffKind.EXPONENTIAL);
    assertThat(fit.jitter()).isEqualTo(Jitter.NONE);
    assertThat(fit.factor()).isCloseTo(1.5, within(0.075));
    assertThat(fit.baseMillis()).isCloseTo(200.0, within(20.0));
    assertThat(fit.logRmse()).isBetween(0.01, 0.1);
  }

  @Test
  void equalJitterIsTold() {
    Random random = new Random(3);
    List<BackoffClassifier.Point> points = new ArrayList<>();
    for (int runs = 0; runs < 3; runs++) {
      for (int k = 0; k < 8; k++) {
        double envelope = 100 * Math.pow(2, k);
        points.add(new BackoffClassifier.Point(k, envelope / 2 + random.nextDouble() * envelope / 2));
      }
    }

    BackoffFit fit = BackoffClassifier.classify(points, SETTINGS);

    assertThat(fit.kind()).isEqualTo(BackoffKind.EXPONENTIAL);
    assertThat(fit.jitter()).isEqualTo(Jitter.EQUAL);
    assertThat(fit.factor()).isCloseTo(2.0, within(0.2));
    assertThat(fit.baseMillis()).isCloseTo(100.0, within(20.0));
  }
}
