package dev.wschaos.simulator.cluster;

import com.hazelcast.map.IMap;
import dev.wschaos.simulator.control.ControlPlane;
import dev.wschaos.simulator.control.PlanChange;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plan for the whole cluster. A change made on any node (a validated {@code PUT /plan}, a rule edit, the DSL)
 * takes effect there at once, then travels to every other node, which applies the same plan and seed:
 *
 * <pre>
 *   node A: ControlPlane.install/edit --> PlanMessage(clock+1 @ A) --+--> event bus publish "wschaos.plan" --> B, C
 *                                                                    +--> map "wschaos.plan" (kept if newest) --> late joiners
 *   node B: message newer than the one applied? --> validate --> ControlPlane.apply (same plan, same seed)
 * </pre>
 * Versions are Lamport clocks (ties broken by node id), so every node ends with the same newest plan; two edits made
 * at the same moment on two nodes do not merge: the newer version wins everywhere. An invalid plan is refused where it
 * is made and never travels.
 */
final class ClusterPlan implements AutoCloseable {

  static final String ADDRESS = "wschaos.plan";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterPlan.class);

  private final Vertx vertx;
  private final IMap<String, String> stored;
  private final String node;
  private final ControlPlane control;
  private final Consumer<PlanChange> applyHere;
  private MessageConsumer<String> consumer;
  private long clock;
  private PlanMessage applied;

  ClusterPlan(Vertx vertx, IMap<String, String> stored, String node, ControlPlane control,
              Consumer<PlanChange> applyHere) {
    this.vertx = vertx;
    this.stored = stored;
    this.node = node;
    this.control = control;
    this.applyHere = applyHere;
  }

  /** Listen for other nodes' changes, then adopt the cluster's plan, or offer ours when the cluster has none. */
  void start(long timeoutSeconds) throws Exception {
    consumer = vertx.eventBus().consumer(ADDRESS, message -> receive(message.body()));
    consumer.completion().await(timeoutSeconds, TimeUnit.SECONDS);
    // the control plane's lock orders local changes and applied ones alike (see receive)
    synchronized (control) {
      control.onChange(this::changedHere);
      String current = stored.get(HazelcastSetup.PLAN);
      if (current != null) {
        receive(current);
      } else {
        changedHere(new PlanChange(false, control.plan(), control.seed()));
      }
    }
  }

  /** Runs under the control plane's lock, in the order changes took effect here. */
  private void changedHere(PlanChange change) {
    clock++;
    PlanMessage message = new PlanMessage(clock, node, change.edit(), change.seed(), PlanLoader.toJson(change.plan()));
    applied = message;
    String json = Json.write(message);
    stored.submitToKey(HazelcastSetup.PLAN, new KeepNewest(json)).exceptionally(e -> {
      LOG.warn("wschaos cluster: plan {} not stored for nodes joining later: {}", message.version(), e.toString());
      return false;
    });
    vertx.eventBus().publish(ADDRESS, json);
  }

  private void receive(String json) {
    PlanMessage message;
    Plan plan;
    try {
      message = KeepNewest.read(json);
      plan = PlanLoader.parse(message.plan(), "plan from cluster node " + message.node(), PlanLoader.Format.JSON);
      plan.requireValid("'" + plan.name() + "' from cluster node " + message.node());
    } catch (RuntimeException e) {
      LOG.error("wschaos cluster: a plan message was refused, the plan stays: {}", e.getMessage());
      return;
    }
    synchronized (control) {
      clock = Math.max(clock, message.clock());
      if (applied != null && message.compareTo(applied) <= 0) {
        return;
      }
      applied = message;
      applyHere.accept(new PlanChange(message.edit(), plan, message.seed()));
    }
    LOG.info("wschaos cluster: plan '{}' ({}) from node {} in force", plan.name(), message.version(), message.node());
  }

  /** The version of the plan in force here, e.g. {@code 3@<node id>}. */
  String version() {
    synchronized (control) {
      return applied == null ? "none" : applied.version();
    }
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.unregister();
    }
  }
}
