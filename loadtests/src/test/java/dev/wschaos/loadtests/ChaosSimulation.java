package dev.wschaos.loadtests;

import dev.wschaos.scenarios.catalogue.ChaosScenario;
import dev.wschaos.scenarios.catalogue.ScenarioCatalog;
import io.gatling.javaapi.core.Simulation;

/**
 * Runs one catalogue scenario, picked by name; the main job runs the default, {@code rolling-restart-1012}.
 *
 * <pre>{@code
 * ./mvnw -B -pl loadtests -am verify -Pchaos -Dscenario=overload-1013 -Dusers=300 -Dramp=10s -Dduration=40s
 * }</pre>
 *
 * Knobs: {@code scenario}, {@code users}, {@code ramp}, {@code duration}, {@code policy}, {@code target}
 * ({@code embedded}, {@code ws://host:port}, several comma-separated, or {@code cluster}), {@code admin} and
 * {@code adminToken} (a remote simulator's admin API), {@code injector} ({@code K/N}) and {@code startAt} (several
 * injector processes), {@code seed}. See docs/load-tests.md.
 */
public class ChaosSimulation extends Simulation {

  private final ChaosRun run;

  public ChaosSimulation() {
    try {
      ChaosScenario scenario = ScenarioCatalog.get(Knobs.text("scenario", ScenarioCatalog.DEFAULT));
      run = ChaosRun.fromKnobs(scenario);
    } catch (IllegalArgumentException e) {
      System.err.println("\nwschaos: " + e.getMessage() + "\n");
      throw e;
    }
    System.out.println("wschaos: " + run.describe());
    setUp(run.population()).assertions(run.assertions()).maxDuration(run.maxDuration());
  }

  @Override
  public void before() {
    run.start();
  }

  @Override
  public void after() {
    run.stop();
  }
}
