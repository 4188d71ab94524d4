package dev.wschaos.simulator.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.server.HostCheck;
import java.util.List;

/**
 * Coverage-guided fuzzing of what users and browsers send: plan files (YAML and JSON, as the CLI and the admin API
 * read them) and {@code Host} headers. Every input is either accepted or refused with the project's own error;
 * anything else thrown is a finding. The default test run replays the corpus under
 * {@code src/test/resources/dev/wschaos/simulator/fuzz/InputFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes
 * (see docs/reliability.md).
 */
class InputFuzzTest {

  private static final HostCheck HOSTS = HostCheck.of("127.0.0.1", List.of(".corp.example", "wschaos.test"));

  @FuzzTest(maxDuration = "30s")
  void planText(FuzzedDataProvider data) {
    PlanLoader.Format format = data.consumeBoolean() ? PlanLoader.Format.JSON : PlanLoader.Format.YAML;
    String text = data.consumeRemainingAsString();
    try {
      Plan plan = PlanLoader.parse(text, "fuzz", format);
      plan.requireValid("fuzz");
      PlanLoader.parse(PlanLoader.toYaml(plan), "fuzz round trip", PlanLoader.Format.YAML);
    } catch (InvalidPlanException refused) {
      // a clear refusal, with field and line
    }
  }

  @FuzzTest(maxDuration = "10s")
  void hostHeader(FuzzedDataProvider data) {
    String host = data.consumeRemainingAsString();
    if (HOSTS.allows(host)) {
      return;
    }
    if (!HOSTS.refusal(host, "--admin-allowed-hosts").contains("--admin-allowed-hosts")) {
      throw new AssertionError("a refusal without the way to allow it: " + host);
    }
  }
}
