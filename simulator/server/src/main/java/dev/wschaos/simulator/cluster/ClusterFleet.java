package dev.wschaos.simulator.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import dev.wschaos.simulator.control.ControlPlane;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.RollingRestartAction;
import dev.wschaos.simulator.json.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fleet actions for the whole cluster. {@code POST /actions} on any node sends the action to every node (or the one
 * named), each applies it to its own clients as it would alone (a {@code share} is a share of each node's clients, so
 * of the fleet too; a {@code count} is a count per node), and the answer adds up what each selected. A
 * {@link RollingRestartAction} goes to one node at a time, in the cluster's order (oldest node first):
 *
 * <pre>
 *   node A: POST /actions --> validate --> request "wschaos.fleet.&lt;node&gt;" to every node (A included) --> sum
 *   rolling-restart: node 1 restart(down) --down + gap--> node 2 restart(down) --down + gap--> node 3 ...
 * </pre>
 */
final class ClusterFleet implements AutoCloseable {

  static final String ADDRESS = "wschaos.fleet.";
  static final long ANSWER_MS = 10_000;
  static final String CONNECTIONS = "wschaos.connections.";
  static final long COUNT_MS = 2_000;
  /** The header naming what sent an action (a timeline step's name), recorded as the source of its strikes. */
  static final String SOURCE = "source";
  static final String ADMIN = "action";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterFleet.class);

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final ReplicatedMap<String, String> nodes;
  private final String self;
  private MessageConsumer<String> consumer;
  private MessageConsumer<String> counter;

  ClusterFleet(Vertx vertx, HazelcastInstance hazelcast, String self) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.nodes = hazelcast.getReplicatedMap(HazelcastSetup.NODES);
    this.self = self;
  }

  /**
   * Take actions sent to this node and apply them with {@code actHere(action, source)}, and answer other nodes asking
   * for its number of {@code open} connections.
   */
  void start(BiFunction<FleetAction, String, ActionResult> actHere, IntSupplier open, long timeoutSeconds)
      throws Exception {
    counter = vertx.eventBus().consumer(CONNECTIONS + self, message -> message.reply(
        Integer.toString(open.getAsInt())));
    counter.completion().await(timeoutSeconds, TimeUnit.SECONDS);
    consumer = vertx.eventBus().consumer(ADDRESS + self, message -> {
      try {
        FleetAction action = Json.mapper().readValue(message.body(), FleetAction.class);
        String source = message.headers().get(SOURCE);
        message.reply(Json.write(actHere.apply(action, source == null ? ADMIN : source)));
      } catch (Exception e) {
        message.fail(400, e.getMessage());
      }
    });
    consumer.completion().await(timeoutSeconds, TimeUnit.SECONDS);
  }

  /** Tell the others how to reach this node (listed by {@code GET /cluster}; a replicated map: read locally). */
  void announce(ClusterMember.Urls urls) {
    nodes.put(self, Json.write(urls));
  }

  /** The nodes now, oldest first. */
  List<ClusterMember> members() {
    List<ClusterMember> out = new ArrayList<>();
    int index = 1;
    for (Member m : hazelcast.getCluster().getMembers()) {
      String id = m.getUuid().toString();
      String urls = nodes.get(id);
      out.add(new ClusterMember(index++, id, m.getAddress().getHost() + ":" + m.getAddress().getPort(),
          id.equals(self), urls == null ? null : ClusterMember.Urls.read(urls), null));
    }
    return out;
  }

  /** The nodes now, oldest first, each with its open connections (asked of it; null if it did not answer in 2 s). */
  Future<List<ClusterMember>> membersWithConnections() {
    List<ClusterMember> members = members();
    List<Future<Integer>> counts = members.stream().map(m -> vertx.eventBus().<String>request(CONNECTIONS + m.id(),
        "", new DeliveryOptions().setSendTimeout(COUNT_MS)).map(reply -> Integer.valueOf(reply.body()))).toList();
    return Future.join(counts).transform(done -> {
      List<ClusterMember> out = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        out.add(members.get(i).withConnections(counts.get(i).succeeded() ? counts.get(i).result() : null));
      }
      return Future.succeededFuture(out);
    });
  }

  /**
   * Apply {@code action} on every node, or on {@code node} only (its index from 1, its address or its id).
   *
   * @throws dev.wschaos.simulator.common.InvalidPlanException when the action is invalid (nothing is sent)
   * @throws IllegalArgumentException when no node is called {@code node}
   */
  Future<ActionResult> act(FleetAction action, String node) {
    return act(action, node, ADMIN);
  }

  /** As {@link #act(FleetAction, String)}, each node recording its strikes under {@code source}. */
  Future<ActionResult> act(FleetAction action, String node, String source) {
    ControlPlane.requireValid(action);
    List<ClusterMember> targets = node == null ? members() : List.of(find(node));
    if (action instanceof RollingRestartAction rolling && targets.size() > 1) {
      return rolling(rolling, targets, source);
    }
    String json = Json.write(action);
    List<Future<ActionResult>> answers = targets.stream().map(t -> send(t, json, source)).toList();
    return Future.join(answers).transform(done -> {
      int selected = 0;
      List<String> silent = new ArrayList<>();
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).succeeded()) {
          selected += answers.get(i).result().selected();
        } else {
          silent.add(targets.get(i).name() + " (" + answers.get(i).cause().getMessage() + ")");
        }
      }
      if (silent.size() == targets.size()) {
        return Future.failedFuture(new IllegalStateException("no node applied the action: " + silent));
      }
      return Future.succeededFuture(new ActionResult(action.describe() + " on " + on(targets)
          + (silent.isEmpty() ? "" : "; not on " + String.join(", ", silent)), selected));
    });
  }

  /**
   * A timeline step's {@code action}, as it fires on this node: true when the cluster takes care of it (this node, the
   * oldest, drives a rolling restart node by node; or another node does), false when it runs on this node's clients.
   */
  boolean takeTimelineAction(FleetAction action, String step) {
    List<ClusterMember> members = members();
    switch (TimelineDriver.roleOf(action, members)) {
      case DRIVE -> {
        LOG.info("wschaos cluster: timeline step '{}' drives {} across {} nodes, this node (the oldest) first", step,
            action.describe(), members.size());
        act(action, null, step).onFailure(e -> LOG.warn("wschaos cluster: timeline step '{}' ({}) failed: {}", step,
            action.describe(), e.getMessage()));
        return true;
      }
      case SKIP -> {
        LOG.debug("wschaos cluster: timeline step '{}' ({}) is driven by the oldest node, {}, not here", step,
            action.describe(), members.get(0).name());
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private Future<ActionResult> rolling(RollingRestartAction action, List<ClusterMember> targets, String source) {
    String step = Json.write(action.step());
    long every = Math.max(1, action.down().plus(action.gap()).toMillis());
    for (int i = 1; i < targets.size(); i++) {
      ClusterMember next = targets.get(i);
      vertx.setTimer(every * i, t -> send(next, step, source).onFailure(e -> LOG.warn(
          "wschaos cluster: rolling restart skipped {}: {}", next.name(), e.getMessage())));
    }
    return send(targets.get(0), step, source).map(first -> new ActionResult(action.describe() + " on " + on(targets)
        + ", one every " + every + " ms: " + targets.get(0).name() + " now (selected counts its clients)",
        first.selected()));
  }

  private Future<ActionResult> send(ClusterMember target, String action, String source) {
    return vertx.eventBus().<String>request(ADDRESS + target.id(), action,
            new DeliveryOptions().setSendTimeout(ANSWER_MS).addHeader(SOURCE, source))
        .map(reply -> {
          try {
            return Json.mapper().readValue(reply.body(), ActionResult.class);
          } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable answer from " + target.name() + ": " + e.getMessage(), e);
          }
        });
  }

  private ClusterMember find(String node) {
    List<ClusterMember> members = members();
    for (ClusterMember m : members) {
      if (m.is(node)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no node '" + node + "' in cluster: name one by its index (1-"
        + members.size() + "), address or id; the nodes are "
        + String.join(", ", members.stream().map(ClusterMember::name).toList()));
  }

  private static String on(List<ClusterMember> targets) {
    return targets.size() == 1 ? targets.get(0).name() : targets.size() + " nodes";
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.unregister();
    }
    if (counter != null) {
      counter.unregister();
    }
    nodes.remove(self);
  }
}
