package dev.wschaos.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleTimelineTest {

  private static final Plan PLAN = PlanLoader.parse("""
      name: timed
      timeline:
        - name: restart
          at: 10s
          every: 60s
          action: {type: close, code: 1012, reason: restart, spread: 5s}
        - at: 30s
          for: 10s
          rules:
            - fault: {type: reject, status: 503}
        - name: cap
          at: 5s
          for: 20s
          limits: {maxConnections: 10}
      """, "test", PlanLoader.Format.YAML);
  private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void beforeAStepFiresItsNextTimeIsTheStartPlusAt() {
    ConsoleTimeline t = ConsoleTimeline.of(PLAN, START, START.plusSeconds(4));

    assertThat(t.steps()).extracting(ConsoleTimeline.Step::label).containsExactly("restart", "timeline[1]", "cap");
    ConsoleTimeline.Step restart = t.steps().get(0);
    assertThat(restart.what()).contains("close").contains("1012");
    assertThat(restart.at()).isEqualTo("10s");
    assertThat(restart.every()).isEqualTo("1m");
    assertThat(restart.fired()).isZero();
    assertThat(restart.nextAt()).isEqualTo(START.plusSeconds(10));
    assertThat(restart.nextInMillis()).isEqualTo(6000);
    assertThat(t.steps().get(1).what()).contains("1 rule").contains("503");
    assertThat(t.steps().get(1).lasting()).isEqualTo("10s");
    assertThat(t.steps().get(2).what()).contains("maxConnections").contains("10");
  }

  @Test
  void aRepeatedStepCountsItsFiringsAndAOneOffStepIsDone() {
    ConsoleTimeline t = ConsoleTimeline.of(PLAN, START, START.plusSeconds(135));

    ConsoleTimeline.Step restart = t.steps().get(0);
    assertThat(restart.fired()).isEqualTo(3);
    assertThat(restart.nextAt()).isEqualTo(START.plusSeconds(190));
    assertThat(restart.nextInMillis()).isEqualTo(55_000);
    ConsoleTimeline.Step cap = t.steps().get(2);
    assertThat(cap.fired()).isEqualTo(1);
    assertThat(cap.nextAt()).isNull();
  }
}
