package dev.wschaos.simulator.cluster;

import java.util.Comparator;

/**
 * A plan change as it travels between nodes: the plan as JSON, its seed, whether it is an edit, and its version, a
 * Lamport clock with the node's id to break ties. Every node keeps the change with the highest version, so all end
 * with the same plan whatever order the messages arrive in.
 */
record PlanMessage(long clock, String node, boolean edit, long seed, String plan) implements Comparable<PlanMessage> {

  private static final Comparator<PlanMessage> ORDER = Comparator.comparingLong(PlanMessage::clock)
      .thenComparing(PlanMessage::node);

  @Override
  public int compareTo(PlanMessage other) {
    return ORDER.compare(this, other);
  }

  String version() {
    return clock + "@" + node;
  }
}
