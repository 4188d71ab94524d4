package dev.wschaos.loadtests;

import dev.wschaos.scenarios.catalogue.ScenarioCatalog;
import dev.wschaos.scenarios.sweep.PolicyList;
import dev.wschaos.scenarios.sweep.SweepEntry;
import dev.wschaos.scenarios.sweep.SweepReport;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The policy lab in {@code ./mvnw verify}: {@code thundering-herd} with three policies, 100 users each, all at once
 * for 25 s (enough lost clients to overrun the accept rate: with 40 under a load average of 25, immediate did not storm); the report must be complete and the storm-prone {@code immediate} must peak higher than the jittered
 * ones.
 */
public class SweepSmokeSimulation extends Simulation {

  private final PolicySweep sweep = new PolicySweep(ScenarioCatalog.get("thundering-herd"),
      PolicyList.parse("immediate,full-jitter,socketio"), 100, Duration.ZERO, Duration.ofSeconds(25), 42, true)
      .check("report structure", SweepSmokeSimulation::complete)
      .check("immediate peaks above full-jitter", r -> peak(r, "immediate") > peak(r, "full-jitter"))
      .check("immediate ranks last on herd peak", r -> r.byHerdPeak().get(2).label().equals("immediate"));

  public SweepSmokeSimulation() {
    setUp(sweep.populations()).assertions(sweep.assertions()).maxDuration(Duration.ofSeconds(80));
  }

  private static double peak(SweepReport r, String label) {
    return r.entries().stream().filter(e -> e.label().equals(label)).mapToDouble(SweepEntry::herdPeak)
        .findFirst().orElse(Double.NaN);
  }

  private static boolean complete(SweepReport r) {
    String html = r.html();
    return r.entries().size() == 3 && r.entries().stream().allMatch(e -> e.lost() > 0 && e.curveMillis().size() > 1
        && e.handshakes() > e.lost())
        && html.contains("id=\"recommendation\"") && html.contains("id=\"recovery-curves\"")
        && html.contains("id=\"trade-off\"") && html.contains("<svg") && !html.contains("<script")
        && !html.contains("src=") && !html.contains("href=") && !r.recommendation().front().isEmpty();
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
