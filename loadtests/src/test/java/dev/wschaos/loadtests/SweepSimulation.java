package dev.wschaos.loadtests;

import dev.wschaos.scenarios.catalogue.ChaosScenario;
import dev.wschaos.scenarios.catalogue.ScenarioCatalog;
import dev.wschaos.scenarios.sweep.PolicyList;
import io.gatling.javaapi.core.Simulation;

/**
 * The policy lab: one catalogue scenario, once per reconnect policy, one comparison report.
 *
 * <pre>{@code
 * ./mvnw -B -pl loadtests -am verify -Psweep -DskipTests -Dscenario=thundering-herd \
 *     -Dpolicies=immediate,full-jitter,socketio -Dusers=100 -Dduration=30s -Dsweep.mode=parallel
 * }</pre>
 *
 * Knobs: {@code scenario} (default {@code thundering-herd}), {@code policies} (presets, short forms, ranges in
 * braces), {@code users}, {@code ramp}, {@code duration} (per policy), {@code seed}, {@code sweep.mode}
 * ({@code sequential} or {@code parallel}). See docs/policy-lab.md.
 */
public class SweepSimulation extends Simulation {

  private final PolicySweep sweep;

  public SweepSimulation() {
    try {
      ChaosScenario scenario = ScenarioCatalog.get(Knobs.text("scenario", "thundering-herd"));
      ChaosScenario.Injection d = scenario.injection();
      String mode = Knobs.text("sweep.mode", "sequential");
      if (!mode.equals("sequential") && !mode.equals("parallel")) {
        throw new IllegalArgumentException("-Dsweep.mode=" + mode + ": use sequential or parallel");
      }
      sweep = new PolicySweep(scenario,
          PolicyList.parse(Knobs.text("policies", "immediate,fixed-delay,full-jitter,socketio,rfc6455")),
          Knobs.integer("users", d.users()), Knobs.duration("ramp", d.ramp()),
          Knobs.duration("duration", d.duration()), Knobs.integer("seed", 42), mode.equals("parallel"));
    } catch (IllegalArgumentException e) {
      System.err.println("\nwschaos: " + e.getMessage() + "\n");
      throw e;
    }
    System.out.println("wschaos: " + sweep.describe());
    setUp(sweep.populations()).assertions(sweep.assertions()).maxDuration(sweep.maxDuration());
  }

  @Override
  public void before() {
    sweep.start();
  }

  @Override
  public void after() {
    sweep.stop();
  }
}
