package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.analytics.BackoffFit;
import dev.wschaos.simulator.analytics.BackoffKind;
import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Faults for a running simulator, in a sentence each. Every call builds the same plan model the YAML files use and
 * adds it to the running plan at once, as one rule; later calls on the returned rule refine it in place.
 *
 * <pre>{@code
 * Chaos chaos = Chaos.of(server);                 // an embedded WsChaosServer, or ChaosTarget.remote(..)
 * chaos.onHandshake().forClient("c1").attempt(1).reject(503).retryAfter(Duration.ofSeconds(2));
 * chaos.afterMessages(3).close(1011, "boom");
 * chaos.onConnection().forClient("feed-*").after(Duration.ofSeconds(5)).drop();
 * chaos.now().closeAll(1012);                       // fleet actions, at once
 * chaos.now().drop(percent(30));
 * chaos.tls().switchTo(TlsProfile.EXPIRED);
 * chaos.awaitClient("c1").reconnected();            // waits without sleeping
 * chaos.clearRules();
 * }</pre>
 *
 * <p>Rules are matched in the order they were added; the first matching rule of each phase wins, as in plan files.
 * Rules added here are named {@code chaos-1}, {@code chaos-2}, ... in logs and reports.
 */
public final class Chaos {

  private static final String RULE_PREFIX = "chaos-";

  /** How long waits take at most unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final ChaosTarget target;
  private final AtomicInteger ruleNumbers = new AtomicInteger();
  private volatile Duration timeout = DEFAULT_TIMEOUT;

  private Chaos(ChaosTarget target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  public static Chaos of(ChaosTarget target) {
    return new Chaos(target);
  }

  /** Rules answered at the upgrade request: reject, stall, abort, bad-accept, subprotocol mismatch. */
  public HandshakeRules onHandshake() {
    return new HandshakeRules(this, Match.ANY);
  }

  /** Rules that strike open connections: close, drop, reset; on open unless a trigger is chosen. */
  public ConnectionRules onConnection() {
    return new ConnectionRules(this, Match.ANY, null);
  }

  /** Shorthand for {@code onConnection().afterMessages(count)}: every connection. */
  public ConnectionRules afterMessages(int count) {
    return onConnection().afterMessages(count);
  }

  /** Shorthand for {@code onConnection().after(delay)}: every connection. */
  public ConnectionRules after(Duration delay) {
    return onConnection().after(delay);
  }

  /** Shorthand for {@code onConnection().onMessage(regex)}: every connection. */
  public ConnectionRules onMessage(String regex) {
    return onConnection().onMessage(regex);
  }

  /** Fleet actions on the connections open now: {@code chaos.now().closeAll(1012)}, {@code drop(percent(30))}. */
  public FleetNow now() {
    return new FleetNow(this);
  }

  /** TLS faults on the wss port: {@code chaos.tls().switchTo(TlsProfile.EXPIRED)}. */
  public TlsChaos tls() {
    return new TlsChaos(this);
  }

  /** Wait until at least {@code count} connections are open; fails after {@link #timeout()}. */
  public Chaos awaitConnections(int count) {
    return awaitConnections(count, timeout);
  }

  /** Wait until at least {@code count} connections are open; fails after {@code within}. */
  public Chaos awaitConnections(int count, Duration within) {
    int[] seen = {0};
    Waiter.until(target, within, () -> (seen[0] = target.connections().size()) >= count,
        () -> "expected at least " + count + " open connection(s) within " + within.toMillis() + " ms, but "
            + seen[0] + " are open");
    return this;
  }

  /** Wait for one client: {@code awaitClient("c1").reconnected()}. */
  public ClientWait awaitClient(String clientId) {
    return new ClientWait(this, clientId, timeout);
  }

  /**
   * What reconnect analytics say about one client so far (attempt timeline, backoff, findings), for assertions:
   * {@code assertThat(chaos.client("c1")).reconnectedTimes(3)}. A client that never connected has no attempts.
   */
  public ClientReport client(String clientId) {
    return target.client(clientId).orElseGet(() -> new ClientReport(clientId, 0, 0, 0, 0, false,
        new BackoffFit(BackoffKind.NOT_ENOUGH_ATTEMPTS, null, null, null, null, null, null, null, null, 0,
            "no attempts"), List.of(), List.of()));
  }

  /** The default timeout of waits (10 s unless changed). */
  public Duration timeout() {
    return timeout;
  }

  /** Change the default timeout of waits. */
  public Chaos timeout(Duration value) {
    this.timeout = Objects.requireNonNull(value, "timeout");
    return this;
  }

  /** Healthy plan, empty journal, no attempt counts, no reconnect history. */
  public Chaos reset() {
    target.reset();
    return this;
  }

  /** The simulator this DSL drives. */
  public ChaosTarget target() {
    return target;
  }

  /** The plan in force. */
  public Plan plan() {
    return target.plan();
  }

  /** Replace the whole plan (e.g. one loaded from a file). */
  public Chaos use(Plan plan) {
    target.replacePlan(plan);
    return this;
  }

  /** Remove every rule, keeping the behaviour and handshake settings: the simulator is healthy again. */
  public Chaos clearRules() {
    target.replacePlan(target.plan().withRules(List.of()));
    return this;
  }

  /** Forget every client's attempt count. */
  public Chaos forgetClients() {
    target.forgetClients();
    return this;
  }

  String nextRuleName() {
    return RULE_PREFIX + ruleNumbers.incrementAndGet();
  }

  /** Add {@code rule}, or replace the rule of the same name where it stands. */
  synchronized void put(Rule rule) {
    Plan plan = target.plan();
    List<Rule> rules = new ArrayList<>(plan.rules());
    int at = -1;
    for (int i = 0; i < rules.size(); i++) {
      if (rule.name().equals(rules.get(i).name())) {
        at = i;
      }
    }
    if (at >= 0) {
      rules.set(at, rule);
    } else {
      rules.add(rule);
    }
    target.replacePlan(plan.withRules(rules));
  }

  synchronized void update(UnaryOperator<Plan> change) {
    target.replacePlan(change.apply(target.plan()));
  }

  static Trigger requireOneTrigger(Trigger current, Trigger next) {
    if (current != null) {
      throw new IllegalStateException("a rule has one trigger; already set: " + current);
    }
    return next;
  }
}
