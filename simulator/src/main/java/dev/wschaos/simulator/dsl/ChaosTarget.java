package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;

/** A simulator whose plan the {@link Chaos} DSL edits: an embedded {@link WsChaosServer}, or a remote one. */
public interface ChaosTarget {

  Plan plan();

  /** Replace the plan atomically; invalid plans are refused and change nothing. */
  void replacePlan(Plan plan);

  /** Forget every client's attempt count, so the next connection of each is its attempt 1. */
  void forgetClients();

  static ChaosTarget of(WsChaosServer server) {
    return new ChaosTarget() {
      @Override
      public Plan plan() {
        return server.plan();
      }

      @Override
      public void replacePlan(Plan plan) {
        server.replacePlan(plan);
      }

      @Override
      public void forgetClients() {
        server.forgetClients();
      }
    };
  }
}
