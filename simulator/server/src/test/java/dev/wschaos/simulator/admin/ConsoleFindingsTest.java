package dev.wschaos.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.analytics.Check;
import dev.wschaos.simulator.analytics.Finding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleFindingsTest {

  @Test
  void eachFindingIsARowWithItsCheckClientAttemptsAndWordsEscaped() {
    Finding finding = new Finding(Check.RETRIED_TOO_FAST, "mobile-<1>", List.of(2, 3), 2, Instant.EPOCH, 1012, null,
        40L, 500L, "reconnected after 40 ms, less than the 500 ms minimum");

    String html = ConsoleFindings.render(List.of(finding));

    assertThat(html).startsWith("<section id=\"findings\"><h2>Findings</h2>").contains("1 finding,")
        .contains("<td>retried-too-fast</td><td>mobile-&lt;1&gt;</td><td>2</td><td>2, 3</td>")
        .contains("less than the 500 ms minimum");
  }

  @Test
  void noFindingsSaysSo() {
    assertThat(ConsoleFindings.render(List.of())).contains("No findings");
  }
}
