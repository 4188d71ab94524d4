package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.analytics.BackoffFit;
import dev.wschaos.simulator.analytics.BackoffKind;
import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.DuplicateRuleException;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults for a running simulator, in a sentence each. Every verb builds the same plan model the YAML files use and
 * adds it to the running plan at once, as one rule, and returns a {@link ChaosRule} handle to remove or replace it.
 * Each is an edit of the running plan: its timeline keeps running, its temporary rules and limits and the seed stay,
 * and other writers' rules are untouched. Only {@link #use(Plan)} replaces the plan.
 *
 * <pre>{@code
 * Chaos chaos = Chaos.of(server);                 // an embedded WsChaosServer, or ChaosTarget.remote(..)
 * chaos.onHandshake().forClient("c1").attempt(1).reject(503).retryAfter(Duration.ofSeconds(2));
 * ChaosRule boom = chaos.afterMessages(3).close(1011, "boom");
 * ChaosRule slow = chaos.onConnection().forClient("mobile-*").latency(Duration.ofMillis(300));
 * slow.replaceWith(ThrottleFault.of(16_384));
 * boom.remove();
 * chaos.onConnection().forClient("feed-*").after(Duration.ofSeconds(5)).drop();
 * chaos.now().closeAll(1012);                       // fleet actions, at once
 * chaos.now().drop(percent(30));
 * chaos.tls().switchTo(TlsProfile.EXPIRED);
 * chaos.limits().maxConnections(100);               // capacity: one more gets 503 + Retry-After
 * chaos.noHandshakeTimeout();                       // half-sent upgrade requests are held
 * chaos.conversation().when(json("type", "auth")).reply("{\"type\":\"ready\"}");   // message stubs
 * chaos.forClient("c1").attempt(1).withholdReply(json("type", "auth"));            // protocol faults
 * chaos.stomp().forClient("c1").attempt(2).errorOnSubscribe("access denied");     // in a pack's terms
 * chaos.awaitClient("c1").reconnected();            // waits without sleeping
 * chaos.clearRules();
 * }</pre>
 *
 * <p>Rules are matched in the order they were added; the first matching rule of each phase wins, as in plan files.
 * Rules added here are named {@code chaos-1}, {@code chaos-2}, ... in logs and reports (the next free number when
 * another writer took one).
 */
public final class Chaos {

  private static final String RULE_PREFIX = "chaos-";
  private static final int MAX_NAME_TRIES = 1000;

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

  /** Rules answered at the upgrade request: reject, stall, abort, bad-accept, subprotocol mismatch, slow handshake. */
  public HandshakeRules onHandshake() {
    return new HandshakeRules(this, Match.ANY);
  }

  /**
   * Rules that strike open connections (close, drop, reset, half-open, latency, protocol violations, message faults,
   * ...): on open unless a trigger is chosen.
   */
  public ConnectionRules onConnection() {
    return new ConnectionRules(this, Match.ANY, null);
  }

  /**
   * Shorthand for {@code onConnection().forClient(clientIdGlob)}: connection and protocol faults for these clients,
   * e.g. {@code chaos.forClient("c1").attempt(1).withholdReply(json("type", "auth"))}.
   */
  public ConnectionRules forClient(String clientIdGlob) {
    return onConnection().forClient(clientIdGlob);
  }

  /**
   * Message stubs: write the running plan's conversation a verb at a time,
   * {@code chaos.conversation().when(json("type", "auth")).reply("{\"type\":\"ready\"}")}.
   */
  public ConversationStubs conversation() {
    return new ConversationStubs(this);
  }

  /** Protocol faults in STOMP's terms, for the {@code stomp} pack: {@code chaos.stomp().attempt(1).withholdConnected()}. */
  public StompRules stomp() {
    return new StompRules(this, Match.ANY, null);
  }

  /** Protocol faults in graphql-transport-ws terms, for the {@code graphql-ws} pack: {@code withholdAck()}, {@code closeWith(4403)}. */
  public GraphqlWsRules graphqlWs() {
    return new GraphqlWsRules(this, Match.ANY, null);
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

  /**
   * The plan's capacity, as an edit: {@code chaos.limits().maxConnections(2)} (one more gets 503 with
   * {@code Retry-After}), {@code chaos.limits().clear()}.
   */
  public LimitsChaos limits() {
    return new LimitsChaos(this);
  }

  /**
   * The plan's handshake timeout, as an edit: a client accepted from now on that has not sent a complete upgrade
   * request within {@code timeout} of TCP accept is closed. {@link Duration#ZERO} turns it off (see
   * {@link #noHandshakeTimeout()}); the plan's other handshake settings stay.
   *
   * <pre>{@code
   * chaos.handshakeTimeout(Duration.ofMillis(300));   // half-sent requests are cut after 300 ms
   * chaos.noHandshakeTimeout();                       // ... or held until the client leaves
   * chaos.serverHandshakeTimeout();                   // back to the server's --handshake-timeout
   * }</pre>
   */
  public Chaos handshakeTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout: use serverHandshakeTimeout() for the server's");
    target.replaceHandshake(target.plan().handshake().withTimeout(timeout));
    return this;
  }

  /** No handshake timeout for clients accepted from now on: half-sent upgrade requests are held until they leave. */
  public Chaos noHandshakeTimeout() {
    return handshakeTimeout(Duration.ZERO);
  }

  /** The server's own handshake timeout ({@code --handshake-timeout}, 10 s by default) for clients accepted from now on. */
  public Chaos serverHandshakeTimeout() {
    target.replaceHandshake(target.plan().handshake().withTimeout(null));
    return this;
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

  /**
   * Replace the whole plan (e.g. one loaded from a file): its timeline starts from zero and a new seed is drawn unless
   * one is fixed. Every other call of this DSL edits the running plan instead.
   */
  public Chaos use(Plan plan) {
    target.replacePlan(plan);
    return this;
  }

  /**
   * Remove every rule, as an edit: the behaviour, handshake settings, limits, seed and running timeline (with its
   * temporary rules) stay.
   */
  public Chaos clearRules() {
    target.clearRules();
    return this;
  }

  /** The rule of the running plan named {@code name} (e.g. one a plan file brought), as a handle. */
  public ChaosRule rule(String name) {
    return target.plan().findRule(name).map(r -> new ChaosRule(this, r))
        .orElseThrow(() -> new IllegalArgumentException("the running plan has no rule named '" + name + "'"));
  }

  /** Forget every client's attempt count. */
  public Chaos forgetClients() {
    target.forgetClients();
    return this;
  }

  /**
   * Add {@code rule} (unnamed) to the running plan as an edit, under the next free {@code chaos-N} name: another
   * writer's rules of the same name are never overwritten, the next number is tried instead.
   */
  Rule add(Rule rule) {
    for (int tries = 1; ; tries++) {
      try {
        return target.addRule(rule.named(RULE_PREFIX + ruleNumbers.incrementAndGet()));
      } catch (DuplicateRuleException taken) {
        if (tries >= MAX_NAME_TRIES) {
          throw taken;
        }
      }
    }
  }

  static Trigger requireOneTrigger(Trigger current, Trigger next) {
    if (current != null) {
      throw new IllegalStateException("a rule has one trigger; already set: " + current);
    }
    return next;
  }
}
