package dev.wschaos.simulator.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import dev.wschaos.simulator.analytics.AttemptRecorder;
import dev.wschaos.simulator.control.ControlPlane;
import dev.wschaos.simulator.control.PlanChange;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.journal.EventHub;
import dev.wschaos.simulator.server.AttemptCounter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This simulator as a node of a cluster: a clustered Vert.x over Hazelcast, and what the nodes share through it: one
 * plan ({@link ClusterPlan}), each client's attempt count ({@link ClusterAttempts}), one reconnect history
 * ({@link JournalShare}) and fleet actions ({@link ClusterFleet}). Each node keeps its own WebSocket and admin
 * ports, connections and journal.
 *
 * <pre>{@code
 * ClusterNode node = ClusterNode.join(ClusterSettings.loopback(), new VertxOptions(), 100_000, 30);
 * verticle.attemptCounter(node.attempts());
 * node.sharePlan(control, control::apply, 30);
 * AttemptRecorder everyNode = node.shareReconnects(events, () -> "lastSeq", 100_000, 30);
 * node.shareFleet(control::act, verticle::openConnections, 30);
 * control.routeTimeline(node::takeTimelineAction);
 * node.act(RollingRestartAction.of(Duration.ofSeconds(5), Duration.ZERO), null);
 * }</pre>
 */
public final class ClusterNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final ClusterAttempts attempts;
  private final ClusterSettings settings;
  private ClusterPlan plan;
  private JournalShare journal;
  private ClusterFleet fleet;

  private ClusterNode(Vertx vertx, HazelcastClusterManager manager, ClusterSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.hazelcast = manager.getHazelcastInstance();
    this.attempts = new ClusterAttempts(vertx, hazelcast.getMap(HazelcastSetup.ATTEMPTS));
    hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        LOG.info("wschaos cluster '{}': node {} joined, {} nodes", settings.name(), event.getMember().getAddress(),
            event.getMembers().size());
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        LOG.warn("wschaos cluster '{}': node {} left, {} nodes", settings.name(), event.getMember().getAddress(),
            event.getMembers().size());
      }
    });
  }

  /**
   * Start a clustered Vert.x with {@code options} and join the cluster; blocks until joined.
   *
   * @throws IllegalStateException when the cluster cannot be joined in {@code timeoutSeconds}
   */
  public static ClusterNode join(ClusterSettings settings, VertxOptions options, int maxClients, long timeoutSeconds) {
    if (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() < 2) {
      LOG.warn("wschaos cluster: this JVM's common fork-join pool has 1 thread, so Hazelcast starts a thread for "
          + "every clustered upgrade; start it with -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 "
          + "(the wschaos command line does)");
    }
    HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSetup.config(settings, maxClients));
    EventBusOptions bus = new EventBusOptions().setPort(settings.busPort());
    options.setEventBusOptions(settings.file() == null ? bus.setHost(settings.host()) : bus);
    try {
      Vertx vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered()
          .await(timeoutSeconds, TimeUnit.SECONDS);
      return new ClusterNode(vertx, manager, settings);
    } catch (Exception e) {
      String why = e instanceof java.util.concurrent.TimeoutException ? "no answer in " + timeoutSeconds + " s"
          : e.getMessage();
      throw new IllegalStateException("could not join cluster '" + settings.name() + "' from " + settings.host()
          + ":" + settings.port() + " (members " + settings.members() + "): " + why, e);
    }
  }

  /** The clustered Vert.x: the simulator's own, closed with it (which leaves the cluster). */
  public Vertx vertx() {
    return vertx;
  }

  /** Attempt numbers counted by every node together. */
  public AttemptCounter attempts() {
    return attempts;
  }

  /**
   * Share the plan of {@code control} with every node: adopt the cluster's plan if it has one (else offer this
   * node's), send every change made here to the others, and apply theirs with {@code applyHere}.
   */
  public void sharePlan(ControlPlane control, Consumer<PlanChange> applyHere, long timeoutSeconds) {
    plan = new ClusterPlan(vertx, hazelcast.getMap(HazelcastSetup.PLAN), nodeId(), control, applyHere);
    try {
      plan.start(timeoutSeconds);
    } catch (Exception e) {
      throw new IllegalStateException("could not share the plan with cluster '" + settings.name() + "': "
          + e.getMessage(), e);
    }
  }

  /**
   * Record the journal events of {@code events} with every other node's: the returned recorder holds the attempts
   * of the whole cluster (at most {@code capacity}), for one reconnect report whichever node serves it.
   */
  public AttemptRecorder shareReconnects(EventHub events, Supplier<String> resumeParam, int capacity,
                                         long timeoutSeconds) {
    MergedRecorder merged = new MergedRecorder(capacity, resumeParam);
    journal = new JournalShare(vertx, nodeId(), merged);
    try {
      journal.start(timeoutSeconds);
    } catch (Exception e) {
      throw new IllegalStateException("could not share the journal with cluster '" + settings.name() + "': "
          + e.getMessage(), e);
    }
    events.listen(journal);
    return merged.recorder();
  }

  /** Forget the reconnect history, on every node. */
  public void clearReconnects() {
    if (journal != null) {
      journal.clearEverywhere();
    }
  }

  /**
   * Take the fleet actions other nodes send here, applying them with {@code actHere(action, source)}: the source is
   * {@code action} for {@code POST /actions}, else the name of the timeline step that sent it. {@code open} counts this
   * node's open connections for the others' {@link #status()}.
   */
  public void shareFleet(BiFunction<FleetAction, String, ActionResult> actHere, IntSupplier open,
                         long timeoutSeconds) {
    fleet = new ClusterFleet(vertx, hazelcast, nodeId());
    try {
      fleet.start(actHere, open, timeoutSeconds);
    } catch (Exception e) {
      throw new IllegalStateException("could not share fleet actions with cluster '" + settings.name() + "': "
          + e.getMessage(), e);
    }
  }

  /** Tell the other nodes where this one serves clients ({@code ws}) and its admin API ({@code admin}, or null). */
  public void announce(URI ws, URI admin) {
    if (fleet != null) {
      fleet.announce(new ClusterMember.Urls(ws.toString(), admin == null ? null : admin.toString()));
    }
  }

  /**
   * Apply {@code action} to every node's clients, or to node {@code node}'s only (its index from 1, oldest first, its
   * address or its id); a rolling restart goes node by node.
   *
   * <pre>{@code
   * node.act(OutageAction.lasting(Duration.ofSeconds(10)), "2");   // node 2 goes away, the others serve
   * }</pre>
   *
   * @throws dev.wschaos.simulator.common.InvalidPlanException when the action is invalid (nothing is done anywhere)
   * @throws IllegalArgumentException when there is no such node
   */
  public Future<ActionResult> act(FleetAction action, String node) {
    if (fleet == null) {
      throw new IllegalStateException("fleet actions are not shared: call shareFleet first");
    }
    return fleet.act(action, node);
  }

  /**
   * Offered a timeline step's action as the step fires here (see {@code ControlPlane#routeTimeline}): a rolling
   * restart is one action for the whole cluster, driven node by node by the oldest live node (as {@code POST /actions}
   * sent to it would) and left by the others, so true; any other action runs on each node's own clients, so false.
   *
   * <pre>{@code
   * control.routeTimeline(node::takeTimelineAction);
   * }</pre>
   */
  public boolean takeTimelineAction(FleetAction action, String step) {
    return fleet != null && fleet.takeTimelineAction(action, step);
  }

  /**
   * The nodes now, oldest first, each with its open connections (one event bus request per node, answered within 2 s
   * or left out), and the plan version in force here.
   *
   * <pre>{@code
   * node.status().onSuccess(s -> s.nodes().forEach(n -> System.out.println(n.index() + ": " + n.connections())));
   * }</pre>
   */
  public Future<ClusterStatus> status() {
    if (fleet == null) {
      return Future.succeededFuture(new ClusterStatus(settings.name(), planVersion(), List.of()));
    }
    return fleet.membersWithConnections().map(members -> new ClusterStatus(settings.name(), planVersion(), members));
  }

  /** Forget every client's attempt count, on every node. */
  public void forgetAttempts() {
    attempts.clear();
  }

  /** This node's id in the cluster. */
  public String nodeId() {
    return hazelcast.getLocalEndpoint().getUuid().toString();
  }

  /** The Hazelcast address of this node, e.g. {@code 127.0.0.1:5702}. */
  public String address() {
    return hazelcast.getCluster().getLocalMember().getAddress().toString();
  }

  /** How many nodes the cluster has now, this one included. */
  public int size() {
    return hazelcast.getCluster().getMembers().size();
  }

  /** The cluster's name. */
  public String name() {
    return settings.name();
  }

  /** The version of the plan in force here, as the cluster numbers plans ({@code clock@node}). */
  public String planVersion() {
    return plan == null ? "none" : plan.version();
  }

  /** Stop taking part in the plan's replication; the Vert.x instance (and the cluster) is closed by its owner. */
  @Override
  public void close() {
    if (plan != null) {
      plan.close();
    }
    if (journal != null) {
      journal.close();
    }
    if (fleet != null) {
      fleet.close();
    }
  }
}
