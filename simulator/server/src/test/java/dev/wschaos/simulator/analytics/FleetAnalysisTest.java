package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 100 clients connect in the first second; at 10 s all are closed with 1012; client i comes back (i + 1) * 30 ms
 * later, except the last, which never does. The recovery curve is known exactly.
 */
class FleetAnalysisTest {

  private static final int FLEET = 100;

  private static ReconnectReport fleet() {
    Synthetic s = new Synthetic("c00");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < FLEET; i++) {
      String key = String.format("c%02d", i);
      keys.add(key);
      s.client(key, i * 10).accepted(false).at(10_000).closedByServer(1012, "restart");
      if (i < FLEET - 1) {
        s.at(10_000 + (i + 1) * 30.0).accepted(false);
      }
    }
    s.at(10_000).event("close all 1012", keys);
    return ReconnectAnalytics.analyze(s.recording(20_000), AnalyticsSettings.defaults());
  }

  @Test
  void recoveryPercentilesFollowTheKnownCurve() {
    EventRecovery recovery = fleet().fleet().recoveries().get(0);

    assertThat(recovery.label()).isEqualTo("close all 1012");
    assertThat(recovery.offsetMillis()).isEqualTo(10_000.0);
    assertThat(recovery.affected()).isEqualTo(FLEET);
    assertThat(recovery.lost()).isEqualTo(FLEET);
    assertThat(recovery.recovered()).isEqualTo(FLEET - 1);
    assertThat(recovery.p50Millis()).isEqualTo(1500);
    assertThat(recovery.p90Millis()).isEqualTo(2700);
    assertThat(recovery.p99Millis()).isEqualTo(2970);
    assertThat(recovery.p100Millis()).isNull();
    assertThat(recovery.returnsPerBucket()).containsExactly(33, 33, 33);
    assertThat(recovery.peakAttemptsPerSecond()).isEqualTo(33.0);
    assertThat(recovery.herdRatio()).isEqualTo(0.33);
  }

  @Test
  void timeSeriesCountsPerSecond() {
    FleetSeries series = fleet().fleet().series();

    assertThat(series.bucketMillis()).isEqualTo(1000);
    assertThat(series.buckets()).isEqualTo(20);
    assertThat(series.attempts()[0]).isEqualTo(FLEET);
    assertThat(series.open()[5]).isEqualTo(FLEET);
    assertThat(series.closes().get("1012")[10]).isEqualTo(FLEET);
    assertThat(series.accepted()[10]).isEqualTo(33);
    assertThat(series.open()[10]).isEqualTo(33);
    assertThat(series.open()[12]).isEqualTo(FLEET - 1);
    assertThat(series.rejected()).isEmpty();
  }

  @Test
  void finerBucketsWhenAskedFor() {
    Synthetic s = new Synthetic("c1").rejected(503, null).after(150).rejected(500, null).after(150).accepted(false);
    FleetSeries series = ReconnectAnalytics.analyze(s.recording(1000),
        AnalyticsSettings.defaults().withBucket(java.time.Duration.ofMillis(100))).fleet().series();

    assertThat(series.bucketMillis()).isEqualTo(100);
    assertThat(series.buckets()).isEqualTo(10);
    assertThat(series.rejected().get("503")[0]).isEqualTo(1);
    assertThat(series.rejected().get("500")[1]).isEqualTo(1);
    assertThat(series.accepted()[3]).isEqualTo(1);
  }

  @Test
  void delayDistributionOfAllReconnects() {
    DelayDistribution delays = fleet().fleet().delays();

    assertThat(delays.count()).isEqualTo(FLEET - 1);
    assertThat(delays.minMillis()).isEqualTo(30);
    assertThat(delays.p50Millis()).isEqualTo(1500);
    assertThat(delays.maxMillis()).isEqualTo(2970);
    assertThat(delays.histogram().stream().mapToInt(DelayDistribution.Bin::count).sum()).isEqualTo(FLEET - 1);
    assertThat(delays.histogram().get(2)).isEqualTo(new DelayDistribution.Bin(25, 50L, 1));
  }

  @Test
  void jsonHasTheDocumentedFieldNames() {
    String json = ReportJson.toJson(fleet());

    assertThat(json).contains("\"generatedAt\" : \"", "\"p50Millis\" : 1500", "\"herdRatio\" : 0.33",
        "\"returnsPerBucket\" : [ 33, 33, 33 ]", "\"kind\" : \"not-enough-attempts\"", "\"kind\" : \"server-close\"", "\"recoveryWindow\" : \"30s\"",
        "\"terminalCodes\" : [ \"1002-1003\", \"1007-1010\" ]");
  }
}
