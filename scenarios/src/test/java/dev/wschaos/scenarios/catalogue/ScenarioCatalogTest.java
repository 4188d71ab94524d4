package dev.wschaos.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

  @Test
  void everyRunnableScenarioHasAValidPlanAndSlos() {
    for (String name : ScenarioCatalog.runnableNames()) {
      ChaosScenario scenario = ScenarioCatalog.get(name);
      assertThat(scenario.plan().validate()).as(name).isEmpty();
      assertThat(scenario.plan().name()).as(name).isEqualTo(scenario.planName());
      assertThat(scenario.slos()).as(name).isNotEmpty();
    }
  }

  @Test
  void theSeedNamesAreAllListedAndThePendingOnesRefuseToRun() {
    assertThat(ScenarioCatalog.names()).contains("handshake-400-storm", "going-away-1001", "abnormal-1006",
        "internal-error-1011", "rolling-restart-1012", "overload-1013", "tls-expired", "half-open-zombies",
        "thundering-herd");
    assertThat(ScenarioCatalog.runnableNames()).doesNotContain("tls-expired", "half-open-zombies");
    assertThatThrownBy(() -> ScenarioCatalog.get("tls-expired")).hasMessageContaining("cannot run yet")
        .hasMessageContaining("issue 4");
    assertThatThrownBy(() -> ScenarioCatalog.get("nope")).hasMessageContaining("runnable scenarios: healthy");
  }
}
