package dev.wschaos.simulator.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import dev.wschaos.simulator.control.ControlPlane;
import dev.wschaos.simulator.control.PlanChange;
import dev.wschaos.simulator.server.AttemptCounter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This simulator as a node of a cluster: a clustered Vert.x over Hazelcast, and what the nodes share through it, one
 * plan ({@link ClusterPlan}) and each client's attempt count ({@link ClusterAttempts}). Each node keeps its own
 * WebSocket and admin ports, connections, journal and analytics.
 *
 * <pre>{@code
 * ClusterNode node = ClusterNode.join(ClusterSettings.loopback(), new VertxOptions(), 100_000, 30);
 * verticle.attemptCounter(node.attempts());
 * node.sharePlan(control, control::apply, 30);
 * }</pre>
 */
public final class ClusterNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final ClusterAttempts attempts;
  private final ClusterSettings settings;
  private ClusterPlan plan;

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
  }
}
