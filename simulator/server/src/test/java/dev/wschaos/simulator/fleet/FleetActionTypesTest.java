package dev.wschaos.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Fleet actions keep the shape plan files, the admin API and timelines use, whatever mapper reads them. */
class FleetActionTypesTest {

  private static final String TIMELINE = """
      name: every-action
      timeline:
        - {at: 1s, action: {type: close, code: 1012, reason: restart, share: 1.0, spread: 5s}}
        - {at: 2s, action: {type: drop, share: 0.2}}
        - {at: 3s, action: {type: reset, count: 10, match: {clientId: "mobile-*"}}}
        - {at: 4s, action: {type: half-open, share: 0.3, for: 2m}}
        - {at: 5s, action: {type: outage, duration: 15s}}
        - {at: 6s, action: {type: restart, down: 5s}}
        - {at: 7s, action: {type: rolling-restart, down: 5s, gap: 2s}}
      """;

  @Test
  void everyRegisteredActionReadsAndWritesByItsTypeName() {
    Plan plan = PlanLoader.parse(TIMELINE, "every-action.yaml");
    assertThat(plan.timeline()).extracting(step -> step.action().type())
        .containsExactlyElementsOf(FleetActionTypes.all().keySet());
    assertThat(plan.timeline().get(1).action()).isEqualTo(DropAction.share(0.2));
    assertThat(plan.timeline().get(4).action()).isEqualTo(OutageAction.lasting(Duration.ofSeconds(15)));
    assertThat(plan.timeline().get(5).action()).isEqualTo(RestartAction.down(Duration.ofSeconds(5)));
    assertThat(plan.timeline().get(6).action())
        .isEqualTo(RollingRestartAction.of(Duration.ofSeconds(5), Duration.ofSeconds(2)));

    String yaml = PlanLoader.toYaml(plan);
    assertThat(yaml).contains("type: drop", "type: reset", "type: half-open", "for: 2m");
    assertThat(PlanLoader.toYaml(PlanLoader.parse(yaml, "again.yaml"))).isEqualTo(yaml);
    assertThat(PlanLoader.toYaml(PlanLoader.parse(PlanLoader.toJson(plan), "again.json"))).isEqualTo(yaml);
  }

  @Test
  void dropAndResetDifferOnlyInTheirFault() {
    assertThat(new DropAction(null, 3, null, null).describe()).isEqualTo("drop count=3");
    assertThat(new ResetAction(null, 3, null, Duration.ofSeconds(2)).describe()).isEqualTo("reset count=3 spread=2s");
    assertThat(DropAction.share(0.5).fault().type()).isEqualTo("drop");
    assertThat(ResetAction.share(0.5).fault().type()).isEqualTo("reset");
  }

  @Test
  void anUnknownActionTypeListsTheRegisteredOnes() {
    assertThatThrownBy(() -> PlanLoader.parse("""
        name: bad
        timeline:
          - {at: 1s, action: {type: explode}}
        """, "bad.yaml"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("bad.yaml:3:")
        .hasMessageContaining("unknown fleet action type 'explode'; allowed: close, drop, reset, half-open, outage");
  }
}
