package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults()
      .withMinimumDelay(Duration.ofMillis(50)).withMaxAttempts(20).withExpectResume(true);

  @Test
  void reportIsOneSelfContainedFileWithEverySection() throws Exception {
    ReconnectReport report = ReconnectAnalytics.analyze(ExampleFleet.recording(), SETTINGS);
    Path file = Path.of("target", "reconnect-report-example.html");
    HtmlReport.write(report, file);
    ReportJson.write(report, Path.of("target", "reconnect-report-example.json"));
    String html = Files.readString(file);

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(Pattern.compile("(?i)https?://").matcher(html).find()).as("no http(s) URL anywhere").isFalse();
    assertThat(Pattern.compile("(?i)<(link|img|iframe|object|embed)\\b").matcher(html).find()).isFalse();
    assertThat(Pattern.compile("(?i)<script[^>]*\\bsrc=|@import|url\\(").matcher(html).find()).isFalse();
    assertThat(html).contains("id=\"summary\"", "id=\"fleet\"", "id=\"recovery\"", "id=\"delays\"",
        "id=\"clients\"", "<svg class=\"chart\"", "<svg class=\"tl\"");
    assertThat(html).contains("rolling restart: close all 1012", "open connections", "closes per second by code",
        "rejected per second by status", "herd ratio");
    assertThat(html).contains(">kiosk-7</td>", "reconnected-after-terminal-close", "retried-too-fast",
        "too-many-attempts", ">capped-exponential<", ">immediate<", "toggle('t0')");
    assertThat(html).doesNotContain("null", "NaN");
  }

  @Test
  void eachSectionRendersOnItsOwnAsThePageShowsIt() {
    ReconnectReport report = ReconnectAnalytics.analyze(ExampleFleet.recording(), SETTINGS);
    String page = HtmlReport.render(report);

    for (ReportSection section : ReportSection.values()) {
      String fragment = section.render(report);
      assertThat(fragment).as(section.id()).startsWith("<section id=\"" + section.id() + "\">")
          .endsWith("</section>\n");
      assertThat(page).as(section.id()).contains(fragment);
    }
    assertThat(ReportSection.FLEET.render(report)).contains("<svg class=\"chart\"").doesNotContain("<style>");
    assertThat(page).contains("<style>" + HtmlReport.stylesheet() + "</style>",
        "<script>" + HtmlReport.script() + "</script>");
    assertThat(HtmlReport.stylesheet()).contains("table.clients{");
    assertThat(HtmlReport.script()).contains("function toggle(id)");
  }

  @Test
  void exampleFleetFindingsAreTheExpectedOnes() {
    ReconnectReport report = ReconnectAnalytics.analyze(ExampleFleet.recording(), SETTINGS);

    assertThat(report.client("kiosk-7").orElseThrow().findings()).extracting(Finding::check)
        .containsExactly(Check.RECONNECTED_AFTER_TERMINAL_CLOSE);
    assertThat(report.client("kiosk-7").orElseThrow().findings().get(0).occurrences()).isEqualTo(2);
    assertThat(report.client("legacy-0").orElseThrow().findings()).extracting(Finding::check)
        .containsExactly(Check.RETRIED_TOO_FAST, Check.TOO_MANY_ATTEMPTS, Check.RECONNECTED_WITHOUT_RESUME);
    assertThat(report.client("legacy-0").orElseThrow().backoff().kind()).isEqualTo(BackoffKind.IMMEDIATE);
    assertThat(report.client("app-03").orElseThrow().findings()).isEmpty();
    EventRecovery restart = report.fleet().recoveries().get(0);
    assertThat(restart.lost()).isEqualTo(27);
    assertThat(restart.recovered()).isEqualTo(27);
    assertThat(restart.p100Millis()).isNotNull();
  }

  @Test
  void textIsEscaped() {
    Synthetic s = new Synthetic("<b>evil</b>").accepted(false).closedByServer(1011, "\"<script>alert(1)</script>");
    String html = HtmlReport.render(ReconnectAnalytics.analyze(s.recording(2000)));

    assertThat(html).contains("&lt;b&gt;evil&lt;/b&gt;", "&quot;&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<b>evil</b>", "<script>alert");
  }
}
