package dev.wschaos.simulator.control;

import dev.wschaos.simulator.plan.Plan;

/**
 * One change of the plan in force, as a {@link ControlPlane} made it: a plan installed afresh (its timeline starts)
 * or an edit in place (the timeline keeps running), with the seed its random draws use. Replicas apply it with
 * {@link ControlPlane#apply(PlanChange)}, so every node of a cluster decides upgrades by the same plan and seed.
 *
 * <pre>{@code
 * control.onChange(change -> publishToOtherNodes(change));
 * otherControl.apply(change);   // the same plan, seed and kind there
 * }</pre>
 *
 * @param edit true for an edit in place, false for an install
 */
public record PlanChange(boolean edit, Plan plan, long seed) {}
