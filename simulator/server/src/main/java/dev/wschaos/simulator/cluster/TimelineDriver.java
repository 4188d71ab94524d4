package dev.wschaos.simulator.cluster;

import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.RollingRestartAction;
import java.util.List;

/**
 * Who runs a timeline step's action in a cluster. Every node runs the plan's timeline; most actions are meant for
 * each node's own clients (a {@code close} at 30 s closes every node's clients), but a rolling restart is one action
 * for the whole cluster: the oldest live node when the step fires drives it node by node, as {@code POST /actions}
 * does, and the others leave it.
 *
 * <pre>{@code
 * TimelineDriver.roleOf(RollingRestartAction.of(down, gap), members);   // DRIVE on the oldest node, SKIP elsewhere
 * TimelineDriver.roleOf(CloseAction.all(1012, "bye"), members);         // HERE on every node
 * }</pre>
 */
final class TimelineDriver {

  /** What this node does with a step's action. */
  enum Role {
    /** run it on this node's connections, as a simulator alone does */
    HERE,
    /** drive it across the cluster, as {@code POST /actions} sent to this node does */
    DRIVE,
    /** another node drives it */
    SKIP
  }

  private TimelineDriver() {}

  /** @param members the nodes now, oldest first, this one marked {@code self} */
  static Role roleOf(FleetAction action, List<ClusterMember> members) {
    if (!(action instanceof RollingRestartAction) || members.size() <= 1) {
      return Role.HERE;
    }
    return members.get(0).self() ? Role.DRIVE : Role.SKIP;
  }
}
