package dev.wschaos.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.cluster.TimelineDriver.Role;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.OutageAction;
import dev.wschaos.simulator.fleet.RestartAction;
import dev.wschaos.simulator.fleet.RollingRestartAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which node runs a timeline step's action: the oldest drives a rolling restart, every node runs the rest. */
class TimelineDriverTest {

  private static final FleetAction ROLLING = RollingRestartAction.of(Duration.ofSeconds(5), Duration.ZERO);

  /** {@code count} nodes, oldest first, this one at {@code self} (0-based). */
  private static List<ClusterMember> nodes(int count, int self) {
    List<ClusterMember> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(new ClusterMember(i + 1, "id-" + i, "127.0.0.1:" + (5701 + i), i == self, null, null));
    }
    return nodes;
  }

  @Test
  void theOldestNodeDrivesARollingRestartAndTheOthersSkipIt() {
    assertThat(TimelineDriver.roleOf(ROLLING, nodes(3, 0))).isEqualTo(Role.DRIVE);
    assertThat(TimelineDriver.roleOf(ROLLING, nodes(3, 1))).isEqualTo(Role.SKIP);
    assertThat(TimelineDriver.roleOf(ROLLING, nodes(3, 2))).isEqualTo(Role.SKIP);
  }

  @Test
  void whenTheOldestIsGoneTheNextOneDrives() {
    List<ClusterMember> afterDeath = nodes(3, 1).subList(1, 3);

    assertThat(TimelineDriver.roleOf(ROLLING, afterDeath)).isEqualTo(Role.DRIVE);
  }

  @Test
  void aNodeAloneRestartsItself() {
    assertThat(TimelineDriver.roleOf(ROLLING, nodes(1, 0))).isEqualTo(Role.HERE);
  }

  @Test
  void otherActionsRunOnEveryNodesOwnClients() {
    for (FleetAction action : List.of(CloseAction.all(1012, "bye"), OutageAction.lasting(Duration.ofSeconds(5)),
        RestartAction.down(Duration.ofSeconds(5)))) {
      assertThat(TimelineDriver.roleOf(action, nodes(3, 0))).as(action.describe()).isEqualTo(Role.HERE);
      assertThat(TimelineDriver.roleOf(action, nodes(3, 2))).as(action.describe()).isEqualTo(Role.HERE);
    }
  }
}
