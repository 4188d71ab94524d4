package dev.wschaos.scenarios.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Which node a virtual user connects to when the service has several URLs, as a load balancer with passive health
 * checks would pick: the first connect spreads users evenly (user index modulo the number of nodes); every later
 * attempt draws a node uniformly among all of them except the node where the immediately preceding attempt failed
 * (refused, unreachable, timed out). A connection the server closed (a 1012 restart) excludes nothing, so a node
 * that comes back gets its share again. One instance per virtual user, seeded like its jitter.
 *
 * <pre>{@code
 * NodeChooser nodes = new NodeChooser(List.of("ws://127.0.0.1:8080", "ws://127.0.0.1:8090"), 7, random::nextDouble);
 * String url = nodes.first() + "/feed";   // ws://127.0.0.1:8090 (7 mod 2 = 1)
 * nodes.ended(false);                     // refused there
 * String retry = nodes.next();            // ws://127.0.0.1:8080: the failed node is left out
 * }</pre>
 */
public final class NodeChooser {

  private final List<String> nodes;
  private final long userIndex;
  private final DoubleSupplier random;
  private String current;
  private String failed;

  /** {@code userIndex}: this user's number (0, 1, 2, ...); {@code random}: its own draws in [0, 1). */
  public NodeChooser(List<String> nodes, long userIndex, DoubleSupplier random) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a NodeChooser needs at least one node");
    }
    this.nodes = List.copyOf(nodes);
    this.userIndex = userIndex;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The node of the first connect: {@code userIndex mod n}. */
  public String first() {
    current = nodes.get((int) Math.floorMod(userIndex, (long) nodes.size()));
    return current;
  }

  /** The node of a reconnect attempt: any node but the one where the previous attempt failed, uniformly. */
  public String next() {
    List<String> candidates = nodes;
    if (failed != null && nodes.size() > 1) {
      candidates = new ArrayList<>(nodes);
      candidates.remove(failed);
    }
    int i = (int) (random.getAsDouble() * candidates.size());
    current = candidates.get(Math.min(i, candidates.size() - 1));
    return current;
  }

  /** The attempt on {@link #current()} ended: connected ({@code ok}) or failed, which excludes it next time. */
  public void ended(boolean ok) {
    failed = ok ? null : current;
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
