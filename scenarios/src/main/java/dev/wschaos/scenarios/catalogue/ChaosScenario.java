package dev.wschaos.scenarios.catalogue;

import dev.wschaos.scenarios.client.ClientBehaviour;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import dev.wschaos.simulator.analytics.ReportQuery;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.plan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One named chaos scenario: the simulator plan it needs, how its clients behave and reconnect, how many arrive and
 * how fast, and the SLOs the fleet must meet.
 *
 * <pre>{@code
 * ChaosScenario s = ScenarioCatalog.get("rolling-restart-1012");
 * Plan plan = s.plan();                       // start the simulator with it
 * WsClient client = s.client(s.policy());      // the virtual user
 * s.slos().forEach(slo -> System.out.println(slo.name() + ": " + slo.demand()));
 * }</pre>
 *
 * @param planName the plan's name: a built-in simulator plan or one shipped with the scenarios module
 * @param status whether it runs, and how faithful its plan is
 * @param fleetSteps fleet actions the run takes at set times (the simulator's {@code act}), e.g. a rolling restart
 * @param reportQuery how the run asks the simulator for its reconnect report (e.g. a minimum delay that makes hot
 *     retries a {@code retried-too-fast} finding); {@link ReportQuery#none()}: the plan's settings
 */
public record ChaosScenario(String name, String purpose, String planName, Supplier<Plan> planSupplier,
                            Status status, ClientBehaviour behaviour, ReconnectPolicy policy, Injection injection,
                            List<Slo> slos, List<FleetStep> fleetSteps, ReportQuery reportQuery) {

  public ChaosScenario {
    slos = List.copyOf(slos);
    fleetSteps = List.copyOf(fleetSteps);
    reportQuery = reportQuery == null ? ReportQuery.none() : reportQuery;
  }

  /** A scenario whose reconnect report uses the plan's analytics settings. */
  public ChaosScenario(String name, String purpose, String planName, Supplier<Plan> planSupplier, Status status,
                       ClientBehaviour behaviour, ReconnectPolicy policy, Injection injection, List<Slo> slos,
                       List<FleetStep> fleetSteps) {
    this(name, purpose, planName, planSupplier, status, behaviour, policy, injection, slos, fleetSteps,
        ReportQuery.none());
  }

  /** This scenario with its reconnect report asked for with {@code query}. */
  public ChaosScenario withReportQuery(ReportQuery query) {
    return new ChaosScenario(name, purpose, planName, planSupplier, status, behaviour, policy, injection, slos,
        fleetSteps, query);
  }

  /** A scenario whose faults all come from its plan. */
  public ChaosScenario(String name, String purpose, String planName, Supplier<Plan> planSupplier, Status status,
                       ClientBehaviour behaviour, ReconnectPolicy policy, Injection injection, List<Slo> slos) {
    this(name, purpose, planName, planSupplier, status, behaviour, policy, injection, slos, List.of());
  }

  /**
   * A fleet action taken {@code afterRamp} after the last user arrived (after the start for an at-once injection),
   * so it strikes a fully connected fleet whatever {@code -Dusers}/{@code -Dramp} say.
   */
  public record FleetStep(Duration afterRamp, FleetAction action) {}

  /** How far a scenario can run today. */
  public enum Status {
    /** Runs against the simulator's own plan for the fault. */
    RUNNABLE,
    /** Runs, with a plan approximating the fault from existing simulator features (see docs/scenarios.md). */
    PROVISIONAL,
    /** Cannot run yet: the simulator lacks the fault; not in the runnable list. */
    PENDING
  }

  /**
   * Default injection: {@code users} over {@code ramp} (or at once), all stopping {@code duration} after start.
   *
   * @param atOnce inject every user at once instead of ramping
   */
  public record Injection(int users, Duration ramp, Duration duration, boolean atOnce) {}

  public boolean runnable() {
    return status != Status.PENDING;
  }

  /** The simulator plan. */
  public Plan plan() {
    if (!runnable()) {
      throw new IllegalStateException("scenario '" + name + "' cannot run yet: " + purpose);
    }
    return planSupplier.get();
  }

  /** A client for this scenario's path and behaviour, reconnecting with {@code reconnectPolicy}. */
  public dev.wschaos.scenarios.client.WsClient client(ReconnectPolicy reconnectPolicy) {
    return dev.wschaos.scenarios.client.WsClient.builder("/" + name)
        .behaviour(behaviour).policy(reconnectPolicy).clientPrefix(name + "-").build();
  }
}
