package dev.wschaos.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.scenarios.client.ClientLedger;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static final RunFacts REMOTE_WITHOUT_ADMIN =
      new RunFacts(3, new ClientLedger().snapshot(), null, List.of(), null);

  @Test
  void skippedSlosAreCountedApartAndDoNotFailTheRun() {
    Verdict v = Verdict.judge(List.of(Slo.noGiveUps(), Slo.advisedDelaysHonoured(), Slo.fleetConnected(0.9)),
        REMOTE_WITHOUT_ADMIN, List.of());

    assertThat(v.passed()).isTrue();
    assertThat(v.count(Slo.Outcome.PASS)).isEqualTo(1);
    assertThat(v.count(Slo.Outcome.SKIPPED)).isEqualTo(2);
    assertThat(v.headline()).isEqualTo("PASSED: 1 passed, 0 failed, 2 skipped");
  }

  @Test
  void aFailedFleetActionFailsTheRunWithItsError() {
    Verdict v = Verdict.judge(List.of(Slo.noGiveUps()), REMOTE_WITHOUT_ADMIN,
        List.of("close 1012 all: cannot reach the wschaos admin API at http://127.0.0.1:1"));

    assertThat(v.passed()).isFalse();
    assertThat(v.headline()).isEqualTo("FAILED: 1 passed, 0 failed, 0 skipped; 1 fleet action failed");
    assertThat(v.failures()).containsExactly(
        "fleet action failed: close 1012 all: cannot reach the wschaos admin API at http://127.0.0.1:1");
  }

  @Test
  void aFailedOrThrowingSloFailsTheRun() {
    Slo broken = Slo.of("broken", "throws", f -> {
      throw new IllegalStateException("no facts");
    });
    Verdict v = Verdict.judge(List.of(broken), REMOTE_WITHOUT_ADMIN, List.of());

    assertThat(v.passed()).isFalse();
    assertThat(v.failures()).singleElement().asString().contains("SLO broken: check failed")
        .contains("no facts");
  }
}
