package dev.wschaos.scenarios.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Which node a virtual user connects to when the service has several URLs, as a load balancer would pick. The first
 * connect spreads users evenly (user index modulo the number of nodes). Every later attempt leaves out the node
 * where the immediately preceding attempt failed (refused, unreachable, timed out) and then, with a shared
 * {@link NodeLoad} (least connections, the default of {@link WsClient.Builder#nodes}), takes the node with the fewest
 * connections among those no user saw fail lately; without one (random), draws uniformly. A connection the server
 * closed (a 1012 restart) excludes nothing, so a node that comes back gets clients again. One instance per virtual
 * user, seeded like its jitter.
 *
 * <pre>{@code
 * NodeChooser nodes = new NodeChooser(List.of("ws://127.0.0.1:8080", "ws://127.0.0.1:8090"), 7, random::nextDouble);
 * String url = nodes.first() + "/feed";   // ws://127.0.0.1:8090 (7 mod 2 = 1)
 * nodes.ended(false);                     // refused there
 * String retry = nodes.next();            // ws://127.0.0.1:8080: the failed node is left out
 * }</pre>
 */
public final class NodeChooser {

  /** How reconnect attempts pick among the nodes. */
  public enum Balancing {
    /** The node with the fewest of this client's users connected, skipping nodes that failed lately (default). */
    LEAST_CONNECTIONS,
    /** A uniform draw. */
    RANDOM
  }

  /** How long a node that failed an attempt is left out of every user's choice (least connections). */
  public static final long MARK_DOWN_MILLIS = 1_000;

  private final List<String> nodes;
  private final long userIndex;
  private final DoubleSupplier random;
  private final NodeLoad load;
  private final LongSupplier clock;
  private String current;
  private String failed;
  private boolean connected;

  /** {@code userIndex}: this user's number (0, 1, 2, ...); {@code random}: its own draws in [0, 1). */
  public NodeChooser(List<String> nodes, long userIndex, DoubleSupplier random) {
    this(nodes, userIndex, random, null, System::currentTimeMillis);
  }

  /**
   * Least connections: reconnects go to the node of {@code load} with the fewest connections ({@code null}: random);
   * {@code clock} gives the time in milliseconds for its passive health marks.
   */
  public NodeChooser(List<String> nodes, long userIndex, DoubleSupplier random, NodeLoad load,
                     LongSupplier clock) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a NodeChooser needs at least one node");
    }
    this.nodes = List.copyOf(nodes);
    this.userIndex = userIndex;
    this.random = Objects.requireNonNull(random, "random");
    this.load = load;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The node of the first connect: {@code userIndex mod n}. */
  public String first() {
    current = nodes.get((int) Math.floorMod(userIndex, (long) nodes.size()));
    return current;
  }

  /**
   * The node of a reconnect attempt: any node but the one where the previous attempt failed, the least loaded one
   * with a {@link NodeLoad}, else uniformly.
   */
  public String next() {
    List<String> candidates = nodes;
    if (failed != null && nodes.size() > 1) {
      candidates = new ArrayList<>(nodes);
      candidates.remove(failed);
    }
    if (load != null) {
      current = load.pick(candidates, clock.getAsLong(), random);
      return current;
    }
    int i = (int) (random.getAsDouble() * candidates.size());
    current = candidates.get(Math.min(i, candidates.size() - 1));
    return current;
  }

  /** The attempt on {@link #current()} ended: connected ({@code ok}) or failed, which excludes it next time. */
  public void ended(boolean ok) {
    failed = ok ? null : current;
    if (load != null && ok) {
      load.connected(current);
    } else if (load != null) {
      load.failed(current, clock.getAsLong());
    }
    connected = ok;
  }

  /** The connection on {@link #current()} is gone (closed, dropped, abandoned): the balancer counts one less. */
  public void lost() {
    if (load != null && connected) {
      load.disconnected(current);
    }
    connected = false;
  }

  /** The node of the current (or last) attempt; null before {@link #first()}. */
  public String current() {
    return current;
  }

  /** The node left out of the next draw, or null. */
  public String excluded() {
    return nodes.size() > 1 ? failed : null;
  }
}
