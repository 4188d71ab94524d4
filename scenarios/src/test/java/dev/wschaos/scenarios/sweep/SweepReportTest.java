package dev.wschaos.scenarios.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.scenarios.policy.PolicyPresets;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import dev.wschaos.simulator.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {

  private static SweepEntry entry(String label, double peak, Long p99) {
    List<Long> curve = new ArrayList<>();
    for (int i = 0; i <= 100; i++) {
      Long at = p99 != null ? Long.valueOf(i * p99 / 100) : i <= 50 ? Long.valueOf(i * 100L) : null;
      curve.add(at);
    }
    return new SweepEntry(label, "{}", "drop-all", 100, p99 == null ? 50 : 100, 500L, 900L, p99, p99, peak,
        peak / 100, curve, 300, 200, Map.of(503, 100), 0, Map.of(), 0);
  }

  @Test
  void policiesAreSplitOnCommasWithTheirOptionsAndRangesExpand() {
    Map<String, ReconnectPolicy> p = PolicyList.parse("immediate,socketio,maxAttempts=5,fixed:{0ms|1s},ignoreAdvice");
    assertThat(p).containsOnlyKeys("immediate", "socketio,maxAttempts=5", "fixed:0ms,ignoreAdvice",
        "fixed:1s,ignoreAdvice");
    assertThat(p.get("socketio,maxAttempts=5")).isEqualTo(PolicyPresets.get("socketio").withMaxAttempts(5));
    assertThat(p.get("fixed:1s,ignoreAdvice")).isEqualTo(ReconnectPolicy.fixed(Duration.ofSeconds(1))
        .withHonourAdvice(false));
    assertThat(PolicyList.parse("exponential:{100ms|2s}:2:30s:{full|equal}")).hasSize(4);
    assertThatThrownBy(() -> PolicyList.parse("immediate,immediate")).hasMessageContaining("listed twice");
    assertThatThrownBy(() -> PolicyList.parse("sockto")).hasMessageContaining("unknown policy 'sockto'");
  }

  @Test
  void theFrontHoldsPoliciesNoOtherBeatsOnBothAxes() {
    SweepEntry storm = entry("immediate", 3000, 30_000L);
    SweepEntry fast = entry("fixed-delay", 400, 12_000L);
    SweepEntry gentle = entry("full-jitter", 50, 18_000L);
    SweepEntry worse = entry("socketio", 60, 20_000L);
    SweepEntry never = entry("ably", 20, null);

    List<SweepEntry> all = List.of(storm, fast, gentle, worse, never);
    assertThat(ParetoFront.of(all)).containsExactly(gentle, fast);
    Recommendation r = Recommendation.of(all);
    assertThat(r.pick()).contains(gentle);
    assertThat(r.sentences()).anyMatch(s -> s.startsWith("immediate is off the front: full-jitter peaks 60.0x lower"))
        .anyMatch(s -> s.equals("ably is off the front: 99 % of its lost clients were never back before the run ended."))
        .anyMatch(s -> s.startsWith("Recommended for this scenario: full-jitter"))
        .anyMatch(s -> s.startsWith("Beware ably: 50 of 100 clients not back"));
  }

  @Test
  void theHtmlIsSelfContainedWithTableChartsAndRecommendation(@TempDir Path dir) throws Exception {
    SweepReport report = new SweepReport("thundering-herd", 100, 42, "sequential",
        List.of(entry("immediate", 3000, 30_000L), entry("full-jitter <b>", 50, 18_000L)));

    Path html = report.write(dir);

    String text = Files.readString(html);
    assertThat(html.getFileName().toString()).isEqualTo("thundering-herd-sweep.html");
    assertThat(text).contains("id=\"recommendation\"", "id=\"comparison\"", "id=\"recovery-curves\"",
            "id=\"trade-off\"", "<polyline", "<circle", "full-jitter &lt;b&gt;", "{503=100}")
        .doesNotContain("<script", "src=", "href=", "full-jitter <b>");
    JsonNode json = Json.mapper().readTree(dir.resolve("thundering-herd-sweep.json").toFile());
    assertThat(json.path("entries")).hasSize(2);
    assertThat(json.path("entries").get(0).path("herdPeak").asDouble()).isEqualTo(3000);
    assertThat(report.byHerdPeak().get(1).label()).isEqualTo("immediate");
    assertThat(report.text()).contains("immediate", "30,000 ms", "Recommended");
  }
}
