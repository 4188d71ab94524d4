package dev.wschaos.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.scenarios.client.ClientLedger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorSlosTest {

  private static final String REPORT = """
      {"summary": {"clients": 3, "attempts": 7, "findings": {"retried-before-advised-delay": 1}},
       "fleet": {"recoveries": [
         {"label": "restart", "offsetMillis": 40000.0, "affected": 3, "lost": 3, "recovered": 3,
          "p50Millis": 2100, "p90Millis": 2600, "p99Millis": 2900, "p100Millis": 2900,
          "peakAttemptsPerSecond": 2.0, "herdRatio": 0.67},
         {"label": "limits lifted", "offsetMillis": 50000.0, "affected": 0, "lost": 0, "recovered": 0,
          "peakAttemptsPerSecond": 0.0, "herdRatio": 0.0}]},
       "findings": [{"check": "retried-before-advised-delay", "client": "c2",
                     "message": "attempt 2 came 900 ms after a close advising 2000 ms"}]}
      """;

  private static RunFacts facts(ReconnectFacts reconnects) {
    return new RunFacts(3, new ClientLedger().snapshot(), "test", List.of(3), reconnects);
  }

  @Test
  void readsTheReportJson() {
    ReconnectFacts r = ReconnectFacts.parse(REPORT);
    assertThat(r.clients()).isEqualTo(3);
    assertThat(r.clientsWith("retried-before-advised-delay")).isEqualTo(1);
    assertThat(r.clientsWith("reconnected-after-terminal-close")).isZero();
    assertThat(r.eventsWithLosses()).singleElement().satisfies(e -> {
      assertThat(e.p99Millis()).isEqualTo(2900L);
      assertThat(e.herdRatio()).isEqualTo(0.67);
    });
    assertThat(r.recoveries().get(1).p99Millis()).isNull();
    assertThatThrownBy(() -> ReconnectFacts.parse("[1]")).hasMessageContaining("not a reconnect report");
  }

  @Test
  void recoveryAndHerdSlosJudgeEachEventThatCostClients() {
    RunFacts f = facts(ReconnectFacts.parse(REPORT));
    assertThat(Slo.recoveryWithin(99, 3_000).evaluate(f).passed()).isTrue();
    Slo.Result slow = Slo.recoveryWithin(99, 2_000).evaluate(f);
    assertThat(slow.passed()).isFalse();
    assertThat(slow.observed()).contains("restart").contains("p99 2900");
    assertThat(Slo.herdRatioAtMost(0.5).evaluate(f).passed()).isFalse();
    assertThat(Slo.herdRatioAtMost(1.0).evaluate(f).passed()).isTrue();
  }

  @Test
  void findingSlosNameTheFirstOffender() {
    RunFacts f = facts(ReconnectFacts.parse(REPORT));
    Slo.Result advice = Slo.advisedDelaysHonoured().evaluate(f);
    assertThat(advice.passed()).isFalse();
    assertThat(advice.observed()).contains("1 of 3 clients").contains("c2: attempt 2 came 900 ms");
    assertThat(Slo.noReconnectAfterTerminalClose().evaluate(f).passed()).isTrue();
  }

  @Test
  void withoutFleetEventsTheRecoverySloFailsAndWithoutTheSimulatorItIsSkipped() {
    ReconnectFacts none = ReconnectFacts.parse("{\"summary\": {\"clients\": 3}}");
    assertThat(Slo.recoveryWithin(99, 3_000).evaluate(facts(none)).passed()).isFalse();
    Slo.Result skipped = Slo.recoveryWithin(99, 3_000).evaluate(facts(null));
    assertThat(skipped.skipped()).isTrue();
    assertThat(skipped.passed()).isTrue();
    assertThat(Slo.advisedDelaysHonoured().evaluate(facts(null)).skipped()).isTrue();
  }
}
