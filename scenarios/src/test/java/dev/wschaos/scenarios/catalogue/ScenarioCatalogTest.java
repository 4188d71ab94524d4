package dev.wschaos.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.fleet.RollingRestartAction;
import dev.wschaos.simulator.plan.TlsProfile;
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
  void theSeedNamesAreAllListedAndRunnable() {
    assertThat(ScenarioCatalog.runnableNames()).contains("handshake-400-storm", "going-away-1001", "abnormal-1006",
        "internal-error-1011", "rolling-restart-1012", "overload-1013", "tls-expired", "half-open-zombies",
        "thundering-herd");
    assertThatThrownBy(() -> ScenarioCatalog.get("nope")).hasMessageContaining("runnable scenarios: healthy");
  }

  @Test
  void theRollingRestartIsAFleetActionAfterTheRampAndItsRecoveryIsAnSlo() {
    ChaosScenario scenario = ScenarioCatalog.get(ScenarioCatalog.DEFAULT);
    assertThat(scenario.plan().timeline()).isEmpty();
    assertThat(scenario.fleetSteps()).singleElement()
        .satisfies(step -> assertThat(step.action().describe()).contains("1012"));
    assertThat(scenario.slos()).extracting(Slo::name).contains("fleet-recovery-p99", "herd-ratio",
        "advised-delays-honoured", "ticker-gaps");
  }

  @Test
  void theClusterRollingRestartGoesNodeByNodeAndJudgesTheFleetsRecovery() {
    ChaosScenario scenario = ScenarioCatalog.get(ScenarioCatalog.CLUSTER_ROLLING_RESTART);
    assertThat(scenario.fleetSteps()).singleElement()
        .satisfies(step -> assertThat(step.action()).isInstanceOf(RollingRestartAction.class)
            .satisfies(a -> assertThat(a.describe()).isEqualTo("rolling-restart 1012 'rolling restart' down=2s gap=40s")));
    assertThat(scenario.slos()).extracting(Slo::name).contains("fleet-recovery-p99", "herd-ratio", "fleet-connected",
        "no-give-ups");
  }

  @Test
  void eachProtocolPackHasARollingRestartWhoseClientsSpeakIt() {
    for (String pack : java.util.List.of("stomp", "graphql-ws")) {
      ChaosScenario scenario = ScenarioCatalog.get(pack + "-rolling-restart");
      var behaviour = (dev.wschaos.scenarios.client.ClientBehaviour.Conversation) scenario.behaviour();
      var conversation = (dev.wschaos.simulator.behaviour.ConversationBehaviour) scenario.plan().behaviour();
      assertThat(conversation.subprotocols()).as(pack).contains(behaviour.conversation().subprotocol());
      assertThat(conversation.on().get(0).resume()).as(pack).isNotNull();
      assertThat(behaviour.conversation().resume()).as(pack).isNotNull();
      assertThat(scenario.fleetSteps()).singleElement()
          .satisfies(step -> assertThat(step.action().describe()).contains("1012"));
      assertThat(scenario.slos()).extracting(Slo::name).contains("everyone-ready", "ready-p99", "resubscribed",
          "feed-gaps", "no-duplicates", "fleet-recovery-p99");
    }
  }

  @Test
  void tlsExpiredServesTheExpiredProfile() {
    assertThat(ScenarioCatalog.get("tls-expired").plan().tls().defaultProfile()).isEqualTo(TlsProfile.EXPIRED);
  }
}
