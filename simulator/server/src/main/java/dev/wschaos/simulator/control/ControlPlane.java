package dev.wschaos.simulator.control;

import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.engine.RuleBook;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.fleet.DropAction;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.FleetMember;
import dev.wschaos.simulator.fleet.HalfOpenAction;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.fleet.Selection;
import dev.wschaos.simulator.journal.EventSink;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TimelineStep;
import dev.wschaos.simulator.server.ChaosVerticle;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fleet side of a plan against a live server: installs plans (with their timeline), applies fleet actions,
 * and layers a timeline's temporary rules and limits over the plan. Every change publishes one new {@link RuleBook}
 * at once, so an upgrade is decided by exactly one plan state.
 *
 * <pre>
 *   install(plan) --> base plan --+--> effective plan (temporary rules first, temporary limits) --> RuleBook
 *   timeline step ---> overlay ---+
 *   act(action) ----> action.applyTo(FleetRunner) --> Selection.pick(open connections) --> fault, at once | spread
 * </pre>
 */
public final class ControlPlane implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

  private final Vertx vertx;
  private final ChaosVerticle verticle;
  private final AtomicReference<RuleBook> ruleBook;
  private final ToLongFunction<Plan> seedFor;
  private final EventSink events;
  private final Map<Integer, TimelineStep> overlays = new TreeMap<>();
  private final List<Long> timers = new ArrayList<>();
  private Plan base;
  private long seed;
  private Random random;
  private long generation;
  private Instant startedAt = Instant.now();
  private Consumer<PlanChange> changes = change -> { };
  private volatile BiPredicate<FleetAction, String> timelineElsewhere = (action, step) -> false;

  public ControlPlane(Vertx vertx, ChaosVerticle verticle, AtomicReference<RuleBook> ruleBook,
                      ToLongFunction<Plan> seedFor, EventSink events) {
    this.vertx = vertx;
    this.verticle = verticle;
    this.ruleBook = ruleBook;
    this.seedFor = seedFor;
    this.events = events;
  }

  /**
   * Tell {@code listener} of every change made here ({@link #install}, {@link #edit}), under this control plane's
   * lock, so it sees them in the order they took effect; not of the changes {@link #apply}d from elsewhere.
   */
  public synchronized void onChange(Consumer<PlanChange> listener) {
    this.changes = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Offer every timeline step's action to {@code elsewhere} first, with the step's label: when it answers true the
   * action was taken care of elsewhere (a cluster drives a rolling restart from one node, node by node, and the other
   * nodes leave it) and nothing runs here; when false it runs on this server's connections, as it does by default.
   *
   * <pre>{@code
   * control.routeTimeline(clusterNode::takeTimelineAction);   // a rolling restart step: node by node
   * }</pre>
   */
  public void routeTimeline(BiPredicate<FleetAction, String> elsewhere) {
    this.timelineElsewhere = Objects.requireNonNull(elsewhere, "elsewhere");
  }

  /** Put a validated plan in force, now, and start its timeline. */
  public synchronized void install(Plan plan) {
    installWithSeed(plan, seedFor.applyAsLong(plan));
    changes.accept(new PlanChange(false, plan, seed));
  }

  /**
   * Apply a change made by another control plane (another node of a cluster): the same plan and seed, installed
   * afresh or edited in place as it was there. Listeners are not told: the change is not this node's.
   */
  public synchronized void apply(PlanChange change) {
    Plan plan = change.plan();
    if (change.edit() && base != null && change.seed() == seed && plan.timeline().equals(base.timeline())
        && Objects.equals(plan.seed(), base.seed())) {
      base = plan;
      publish();
    } else {
      installWithSeed(plan, change.seed());
    }
  }

  /** The seed the plan in force draws from. */
  public synchronized long seed() {
    return seed;
  }

  /** When the plan in force was installed: its timeline's offsets count from here (an edit keeps it). */
  public synchronized Instant startedAt() {
    return startedAt;
  }

  private void installWithSeed(Plan plan, long planSeed) {
    cancelTimers();
    generation++;
    startedAt = Instant.now();
    overlays.clear();
    base = plan;
    seed = planSeed;
    random = new Random(seed ^ 0x5DEECE66DL);
    publish();
    List<TimelineStep> steps = plan.timeline();
    for (int i = 0; i < steps.size(); i++) {
      int index = i;
      long gen = generation;
      timers.add(vertx.setTimer(Math.max(1, steps.get(i).at().toMillis()), t -> fire(gen, index, true)));
    }
  }

  /**
   * Change the plan in force in place, atomically: {@code change} runs under this control plane's lock on the plan
   * in force, and its result, once valid, is published at once. Unlike {@link #install}, the timeline keeps running
   * (same timers, offsets from the plan's start, temporary rules and limits in force) and the seed and random source
   * stay. The change may not touch the timeline or the seed.
   *
   * @return the plan now in force
   * @throws InvalidPlanException listing every problem; nothing changed
   * @throws RuntimeException whatever {@code change} throws; nothing changed
   */
  public synchronized Plan edit(UnaryOperator<Plan> change) {
    Plan next = change.apply(base);
    if (next == base) {
      return base;
    }
    if (!next.timeline().equals(base.timeline()) || !Objects.equals(next.seed(), base.seed())) {
      throw new IllegalArgumentException("an edit keeps the timeline and the seed; replace the plan to change them");
    }
    next.requireValid("'" + next.name() + "'");
    base = next;
    publish();
    changes.accept(new PlanChange(true, next, seed));
    return next;
  }

  /** The plan as installed, without the timeline's temporary rules and limits. */
  public synchronized Plan plan() {
    return base;
  }

  /** Validate and run one action now. */
  public ActionResult act(FleetAction action) {
    return act(action, "action");
  }

  /**
   * Validate and run one action now, its strikes recorded in the journal under {@code source} (e.g. the timeline
   * step of another cluster node that drives it).
   */
  public ActionResult act(FleetAction action, String source) {
    requireValid(action);
    return run(action, source);
  }

  /** @throws InvalidPlanException listing every problem of {@code action} (or its absence) */
  public static void requireValid(FleetAction action) {
    Problems problems = Problems.root();
    if (action == null) {
      problems.error("an action is needed, e.g. {\"type\": \"close\", \"code\": 1012}");
    } else {
      action.validate(problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidPlanException("action", problems.list());
    }
  }

  private ActionResult run(FleetAction action, String source) {
    emit(source, action.describe());
    LOG.info("wschaos fleet action ({}): {}", source, action.describe());
    int selected = action.applyTo(new FleetRunner(vertx, verticle, this::pick, source, this::emit));
    return new ActionResult(action.describe(), selected);
  }

  private synchronized List<FleetMember> pick(Selection selection) {
    return selection.pick(verticle.members(), random);
  }

  private void fire(long gen, int index, boolean first) {
    TimelineStep step;
    synchronized (this) {
      if (gen != generation) {
        return;
      }
      step = base.timeline().get(index);
      if (first && step.every() != null) {
        timers.add(vertx.setPeriodic(step.every().toMillis(), t -> fire(gen, index, false)));
      }
    }
    String label = step.label(index);
    if (step.action() != null) {
      if (!timelineElsewhere.test(step.action(), label)) {
        run(step.action(), label);
      }
      return;
    }
    synchronized (this) {
      overlays.put(index, step);
      publish();
      timers.add(vertx.setTimer(Math.max(1, step.duration().toMillis()), t -> lift(gen, index)));
    }
    emit(label, "in force for " + DurationText.format(step.duration()) + describeOverlay(step));
  }

  private void lift(long gen, int index) {
    TimelineStep step;
    synchronized (this) {
      if (gen != generation) {
        return;
      }
      step = overlays.remove(index);
      publish();
    }
    if (step != null) {
      emit(step.label(index), "lifted" + describeOverlay(step));
    }
  }

  private static String describeOverlay(TimelineStep step) {
    return (step.rules().isEmpty() ? "" : ": " + step.rules().size() + " rule(s)")
        + (step.limits() == null ? "" : ": limits " + step.limits());
  }

  private void publish() {
    Plan effective = base;
    if (!overlays.isEmpty()) {
      List<Rule> rules = new ArrayList<>();
      Limits limits = base.limits();
      for (Map.Entry<Integer, TimelineStep> e : overlays.entrySet()) {
        TimelineStep step = e.getValue();
        for (int r = 0; r < step.rules().size(); r++) {
          Rule rule = step.rules().get(r);
          rules.add(rule.name() != null ? rule : rule.named(step.label(e.getKey()) + ".rules[" + r + "]"));
        }
        if (step.limits() != null) {
          limits = step.limits();
        }
      }
      rules.addAll(base.rules());
      effective = base.withRules(rules).withLimits(limits);
    }
    ruleBook.set(RuleBook.compile(effective, seed));
  }

  private void emit(String source, String detail) {
    if (events.enabled()) {
      events.emit(JournalEvent.fleet(source, detail));
    }
  }

  private void cancelTimers() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
  }

  /** Stop the timeline. */
  @Override
  public synchronized void close() {
    generation++;
    cancelTimers();
  }
}
