package dev.wschaos.loadtests;

import dev.wschaos.scenarios.catalogue.ScenarioCatalog;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;

/**
 * The CI smoke: three catalogue scenarios, each against its own embedded simulator, tens of users for seconds, so the
 * Gatling path cannot rot. Runs in {@code ./mvnw verify}.
 */
public class SmokeSimulation extends Simulation {

  private final List<ChaosRun> runs = List.of(
      new ChaosRun(ScenarioCatalog.get("abnormal-1006"), 20, Duration.ofSeconds(2), Duration.ofSeconds(14),
          ScenarioCatalog.get("abnormal-1006").policy(), "embedded", 42),
      new ChaosRun(ScenarioCatalog.get("overload-1013"), 20, Duration.ofSeconds(2), Duration.ofSeconds(14),
          ScenarioCatalog.get("overload-1013").policy(), "embedded", 42),
      new ChaosRun(ScenarioCatalog.get("gateway-down-502"), 20, Duration.ofSeconds(2), Duration.ofSeconds(14),
          ScenarioCatalog.get("gateway-down-502").policy(), "embedded", 42));

  public SmokeSimulation() {
    setUp(runs.stream().map(ChaosRun::population).toList())
        .assertions(runs.stream().flatMap(r -> r.assertions().stream()).toList())
        .maxDuration(Duration.ofSeconds(90));
  }

  @Override
  public void before() {
    runs.forEach(ChaosRun::start);
  }

  @Override
  public void after() {
    runs.forEach(ChaosRun::stop);
  }
}
