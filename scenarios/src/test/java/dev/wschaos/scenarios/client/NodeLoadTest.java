package dev.wschaos.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Least connections through a rolling restart, in miniature: 3 nodes, 300 users; each node in turn closes its users,
 * who reconnect while it refuses connections, then after it is back.
 */
class NodeLoadTest {

  private static final List<String> NODES = List.of("ws://a:1", "ws://a:2", "ws://a:3");

  private final AtomicLong now = new AtomicLong(1_000_000);

  @Test
  void theFewestConnectionsWinAndTiesAreDrawn() {
    NodeLoad load = new NodeLoad(NODES, 1_000);
    load.connected("ws://a:1");
    load.connected("ws://a:2");
    load.connected("ws://a:2");

    assertThat(load.pick(NODES, now.get(), () -> 0.0)).isEqualTo("ws://a:3");
    load.connected("ws://a:3");
    assertThat(load.pick(NODES, now.get(), () -> 0.0)).isEqualTo("ws://a:1");
    assertThat(load.pick(NODES, now.get(), () -> 0.99)).isEqualTo("ws://a:3");
  }

  @Test
  void aNodeThatRefusedIsLeftOutForAWhileByEveryone() {
    NodeLoad load = new NodeLoad(NODES, 1_000);
    load.connected("ws://a:1");
    load.connected("ws://a:2");
    load.failed("ws://a:3", now.get());

    assertThat(load.pick(NODES, now.get() + 999, () -> 0.0)).isEqualTo("ws://a:1");
    assertThat(load.pick(NODES, now.get() + 1_000, () -> 0.0)).isEqualTo("ws://a:3");
    assertThat(load.pick(List.of("ws://a:3"), now.get(), () -> 0.0)).as("all marked down: still one")
        .isEqualTo("ws://a:3");
  }

  @Test
  void aNodeThatKeepsFailingIsLeftOutLongerUntilItAcceptsAgain() {
    NodeLoad load = new NodeLoad(NODES, 1_000);
    long t = now.get();
    load.failed("ws://a:1", t);
    load.failed("ws://a:1", t + 500);
    assertThat(load.pick(List.of("ws://a:1", "ws://a:2"), t + 999, () -> 0.0)).as("marked 1 s")
        .isEqualTo("ws://a:2");
    load.failed("ws://a:1", t + 1_000);
    assertThat(load.pick(List.of("ws://a:1", "ws://a:2"), t + 2_999, () -> 0.0)).as("then 2 s").isEqualTo("ws://a:2");
    load.failed("ws://a:1", t + 3_000);
    load.failed("ws://a:1", t + 7_000);
    load.failed("ws://a:1", t + 15_000);
    assertThat(load.pick(List.of("ws://a:1", "ws://a:2"), t + 22_999, () -> 0.0)).as("at most 8 s")
        .isEqualTo("ws://a:2");
    assertThat(load.pick(List.of("ws://a:1", "ws://a:2"), t + 23_000, () -> 0.0)).isEqualTo("ws://a:1");
    load.connected("ws://a:1");
    load.disconnected("ws://a:1");
    load.failed("ws://a:1", t + 30_000);
    assertThat(load.pick(List.of("ws://a:1", "ws://a:2"), t + 31_000, () -> 0.0)).as("1 s again after a success")
        .isEqualTo("ws://a:1");
  }

  @Test
  void aRollingRestartLeavesTheFleetBalancedWhereRandomDoesNot() {
    int[] leastConnections = peakAfterRollingRestart(new NodeLoad(NODES, NodeChooser.MARK_DOWN_MILLIS));
    int[] random = peakAfterRollingRestart(null);

    assertThat(leastConnections[0]).as("peak users on one node, least connections").isLessThanOrEqualTo(150);
    assertThat(random[0]).as("peak users on one node, random").isGreaterThan(leastConnections[0]);
  }

  /**
   * Each node k closes its users; half of them try again while it refuses (they fail once and pick again), the rest
   * after it is back. Returns {peak on one node at any time, users on the emptiest node at the end}.
   */
  private int[] peakAfterRollingRestart(NodeLoad load) {
    SplittableRandom seed = new SplittableRandom(7);
    List<NodeChooser> users = new ArrayList<>();
    for (int u = 0; u < 300; u++) {
      SplittableRandom r = seed.split();
      NodeChooser c = new NodeChooser(NODES, u, r::nextDouble, load, now::get);
      c.first();
      c.ended(true);
      users.add(c);
    }
    int peak = 0;
    for (String restarting : NODES) {
      List<NodeChooser> closed = users.stream().filter(c -> c.current().equals(restarting)).toList();
      closed.forEach(NodeChooser::lost);
      for (int i = 0; i < closed.size(); i++) {
        NodeChooser c = closed.get(i);
        boolean whileDown = i % 2 == 0;
        if (whileDown) {
          now.addAndGet(5);
        } else if (i == 1) {
          now.addAndGet(2_000);
        }
        String node = c.next();
        if (whileDown && node.equals(restarting)) {
          c.ended(false);
          c.next();
        }
        c.ended(true);
        peak = Math.max(peak, maxLoad(users));
      }
      now.addAndGet(15_000);
    }
    int least = NODES.stream().mapToInt(n -> (int) users.stream().filter(c -> c.current().equals(n)).count())
        .min().orElseThrow();
    return new int[] {peak, least};
  }

  private static int maxLoad(List<NodeChooser> users) {
    return NODES.stream().mapToInt(n -> (int) users.stream().filter(c -> c.current().equals(n)).count()).max()
        .orElseThrow();
  }
}
