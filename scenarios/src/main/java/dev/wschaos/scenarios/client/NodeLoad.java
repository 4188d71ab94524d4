package dev.wschaos.scenarios.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * What a least-connections load balancer knows, shared by the virtual users of one {@link WsClient}: how many of
 * them are connected to each node, and which nodes refused a connection lately (a passive health check: a node that
 * failed an attempt is left out of every user's choice for {@code markDownMillis}, twice as long after each failure
 * that follows, up to 8 times as long, until a connection to it succeeds again). Users pick the node with the
 * fewest connections among those not marked down, as HAProxy's {@code balance leastconn} or NGINX's
 * {@code least_conn} do for long-lived connections; a node that comes back from a restart is the emptiest and gets
 * the reconnecting clients, so the fleet stays balanced through a rolling restart.
 *
 * <pre>{@code
 * NodeLoad load = new NodeLoad(List.of("ws://127.0.0.1:8080", "ws://127.0.0.1:8090"), 1_000);
 * load.connected("ws://127.0.0.1:8080");
 * load.pick(List.of("ws://127.0.0.1:8080", "ws://127.0.0.1:8090"), now, random::nextDouble);  // ...:8090
 * }</pre>
 */
public final class NodeLoad {

  private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
  private final Map<String, Long> downUntil = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private final long markDownMillis;
  private final boolean healthChecked;

  /** Passive health only: a node that failed is left out for a while, then tried again. */
  public NodeLoad(List<String> nodes, long markDownMillis) {
    this(nodes, markDownMillis, false);
  }

  /**
   * {@code healthChecked}: a node that failed stays out until {@link #up} says it is back (a {@link NodeHealthCheck}
   * probing it), as a balancer with active health checks keeps a node out until its check passes.
   */
  public NodeLoad(List<String> nodes, long markDownMillis, boolean healthChecked) {
    nodes.forEach(n -> connections.put(n, new AtomicInteger()));
    this.markDownMillis = markDownMillis;
    this.healthChecked = healthChecked;
  }

  /** A health check found {@code node} accepting connections again. */
  public void up(String node) {
    down.remove(node);
    downUntil.remove(node);
    failures.remove(node);
  }

  /** The nodes kept out until a health check finds them back. */
  public Set<String> down() {
    return Set.copyOf(down);
  }

  /** A user connected to {@code node}. */
  public void connected(String node) {
    count(node).incrementAndGet();
    failures.remove(node);
  }

  /** A user's connection to {@code node} ended. */
  public void disconnected(String node) {
    count(node).updateAndGet(n -> Math.max(0, n - 1));
  }

  /**
   * An attempt on {@code node} failed at {@code nowMillis}: leave it out for a while, longer the more failures came
   * since its last success (attempts that were already under way when it was marked count once).
   */
  public void failed(String node, long nowMillis) {
    if (healthChecked) {
      down.add(node);
      return;
    }
    if (downUntil.getOrDefault(node, Long.MIN_VALUE) > nowMillis) {
      return;
    }
    int n = failures.merge(node, 1, Integer::sum);
    downUntil.put(node, nowMillis + markDownMillis * (1L << Math.min(n - 1, 3)));
  }

  /** Connections open to {@code node} now, as this balancer counts them. */
  public int connections(String node) {
    return count(node).get();
  }

  /**
   * The candidate with the fewest connections, ties broken by {@code random}; candidates marked down are left out
   * unless all of them are.
   */
  public String pick(List<String> candidates, long nowMillis, DoubleSupplier random) {
    List<String> up = new ArrayList<>();
    for (String c : candidates) {
      if (!down.contains(c) && downUntil.getOrDefault(c, Long.MIN_VALUE) <= nowMillis) {
        up.add(c);
      }
    }
    List<String> from = up.isEmpty() ? candidates : up;
    int least = Integer.MAX_VALUE;
    List<String> fewest = new ArrayList<>();
    for (String c : from) {
      int n = connections(c);
      if (n < least) {
        least = n;
        fewest.clear();
      }
      if (n == least) {
        fewest.add(c);
      }
    }
    return fewest.get(Math.min((int) (random.getAsDouble() * fewest.size()), fewest.size() - 1));
  }

  private AtomicInteger count(String node) {
    return connections.computeIfAbsent(node, n -> new AtomicInteger());
  }
}
