package dev.wschaos.simulator.support;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import java.time.Duration;

/** Starts simulators for tests: loopback, a free port, a 1 second close timeout. */
public final class Simulators {

  private Simulators() {}

  public static WsChaosServer start(Plan plan) {
    return WsChaosServer.builder().plan(plan).closeTimeout(Duration.ofSeconds(1)).start();
  }

  /** A plan whose every connection gets {@code fault}. */
  public static WsChaosServer withFault(Fault fault) {
    return start(Plan.named("test").withRule(Rule.of(Match.ANY, fault)));
  }

  public static WsChaosServer withFault(Trigger trigger, Fault fault) {
    return start(Plan.named("test").withRule(Rule.of(Match.ANY, trigger, fault)));
  }
}
