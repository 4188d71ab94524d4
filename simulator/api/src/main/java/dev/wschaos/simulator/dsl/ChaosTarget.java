package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.HtmlReport;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.analytics.ReportJson;
import dev.wschaos.simulator.analytics.ReportQuery;
import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.plan.DuplicateRuleException;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TlsProfile;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A simulator the {@link Chaos} DSL drives: an embedded {@code WsChaosServer} (which is a
 * {@code ChaosTarget}), or a remote one through its admin API.
 * Both offer the same operations, so a test reads the same against either.
 *
 * <pre>{@code
 * Chaos local = Chaos.of(server);                  // WsChaosServer implements ChaosTarget
 * Chaos shared = Chaos.of(ChaosTarget.remote(URI.create("http://chaos.test:9090"), System.getenv("WSCHAOS_ADMIN_TOKEN")));
 * }</pre>
 */
public interface ChaosTarget {

  Plan plan();

  /**
   * Replace the plan atomically; invalid plans are refused and change nothing. The new plan's timeline starts from
   * zero and a new seed is drawn unless the plan or the server fixes one: to change rules, edit them instead.
   */
  void replacePlan(Plan plan);

  /**
   * Add {@code rule} after the plan's others, atomically and as an edit: the timeline keeps running, its temporary
   * rules and limits and the seed stay. A rule without a name gets one.
   *
   * @return the rule as added, with its name
   * @throws DuplicateRuleException when the plan already has a rule of that name; nothing changed
   */
  Rule addRule(Rule rule);

  /** Replace the rule of the same name where it stands, or add it: an edit like {@link #addRule}. */
  boolean putRule(Rule rule);

  /** Remove the rule named {@code name}: an edit like {@link #addRule}. @return false when there was none */
  boolean removeRule(String name);

  /** Remove every rule: an edit like {@link #addRule}; the timeline and its temporary rules stay. */
  void clearRules();

  /**
   * Replace the plan's behaviour (echo, ticker, a conversation...), keeping its rules, as an edit like
   * {@link #addRule} (remote: {@code PUT /plan/behaviour}): connections opened from now on get it, open ones keep
   * theirs. This default, for targets that have no such edit, puts the whole plan back with {@link #replacePlan},
   * so there the timeline starts again and a new seed is drawn unless the plan fixes one.
   *
   * <pre>{@code
   * target.replaceBehaviour(ConversationBehaviour.create().withUnmatched(Unmatched.ECHO));
   * }</pre>
   *
   * @throws RuntimeException the target's invalid-plan error, listing every problem; nothing changed
   */
  default void replaceBehaviour(Behaviour behaviour) {
    replacePlan(plan().withBehaviour(behaviour));
  }

  /**
   * Put {@code limits} in place of the plan's {@code limits:} section ({@code null}: no limits), as an edit like
   * {@link #addRule} (remote: {@code PUT /plan/limits}, {@code DELETE /plan/limits}): the next upgrade is decided
   * under them; open connections stay. This default, for targets that have no such edit, puts the whole plan back
   * with {@link #replacePlan}, so there the timeline starts again.
   *
   * <pre>{@code
   * target.replaceLimits(Limits.maxConnections(100, Limits.OverCapacity.REJECT));   // 503 + Retry-After over 100
   * target.replaceLimits(null);                                                       // no limits
   * }</pre>
   *
   * @throws RuntimeException the target's invalid-plan error, listing every problem; nothing changed
   */
  default void replaceLimits(Limits limits) {
    replacePlan(plan().withLimits(limits));
  }

  /**
   * Put {@code policy} in place of the plan's {@code handshake:} section (strictness, allowed origins,
   * subprotocols, handshake timeout), as an edit like {@link #addRule} (remote: {@code PUT /plan/handshake}): the
   * next upgrade is checked under it; a new timeout applies to connections accepted from then on. This default, for
   * targets that have no such edit, puts the whole plan back with {@link #replacePlan}.
   *
   * <pre>{@code
   * target.replaceHandshake(target.plan().handshake().withTimeout(Duration.ZERO));   // no handshake timeout
   * }</pre>
   *
   * @throws RuntimeException the target's invalid-plan error, listing every problem; nothing changed
   */
  default void replaceHandshake(HandshakePolicy policy) {
    replacePlan(plan().withHandshake(policy));
  }

  /**
   * Present {@code profile} on the wss port from the next TLS handshake on (SNI host names kept): an edit like
   * {@link #addRule}.
   */
  void switchTlsProfile(TlsProfile profile);

  /** Forget every client's attempt count, so the next connection of each is its attempt 1. */
  void forgetClients();

  /** Run a fleet action now (close, drop, reset a share of the connections, or an outage). */
  ActionResult act(FleetAction action);

  /** The open connections, oldest first. */
  List<ConnectionInfo> connections();

  /** One client's reconnect analysis so far; empty when it never made an attempt. */
  Optional<ClientReport> client(String clientId);

  /** How every client reconnected so far: attempt timelines, backoff, findings, fleet recoveries. */
  ReconnectReport reconnectReport();

  /**
   * {@link #reconnectReport()} with the plan's analytics settings changed for this report only: a minimum delay
   * ({@code retried-too-fast}), another close-code convention.
   *
   * <pre>{@code
   * target.reconnectReport(ReportQuery.minimumDelay(Duration.ofMillis(500))).summary().findings()
   *     .get("retried-too-fast");       // clients that came back sooner than 500 ms, or null
   * }</pre>
   */
  ReconnectReport reconnectReport(ReportQuery query);

  /**
   * Write {@link #reconnectReport()} to {@code file}: JSON when its name ends in {@code .json}, else one
   * self-contained HTML page.
   */
  default Path writeReconnectReport(Path file) {
    ReconnectReport report = reconnectReport();
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      ReportJson.write(report, file);
    } else {
      HtmlReport.write(report, file);
    }
    return file;
  }

  /** How many connections are open now. */
  default int openConnections() {
    return connections().size();
  }

  /**
   * Where clients connect: the WebSocket URL of every node when the simulator is one node of a cluster (oldest
   * first; nodes still starting are left out), else its own. A test spreads its clients over them as a load
   * balancer in front of the service would.
   *
   * <pre>{@code
   * List<URI> nodes = chaos.target().nodeUrls();
   * URI forClient7 = nodes.get(7 % nodes.size()).resolve("/feed?clientId=c7");
   * }</pre>
   */
  List<URI> nodeUrls();

  /** The TLS lab's root CA (PEM) for clients to trust; empty when the simulator serves no TLS. */
  Optional<String> tlsCaPem();

  /** Where this simulator is, in words, e.g. {@code embedded simulator ws://127.0.0.1:40123/}. */
  String describe();

  /** Healthy plan, empty journal, no attempt counts, no reconnect history. */
  void reset();

  /**
   * Calls {@code wakeUp} whenever something may have changed (a connection event), so waits need not poll hard;
   * closing the handle stops it. A target that cannot tell (a remote one) returns a handle that does nothing.
   */
  default AutoCloseable onChange(Runnable wakeUp) {
    return () -> { };
  }

  /** A simulator elsewhere, through its admin API at {@code adminUrl}; {@code token} may be null. */
  static ChaosTarget remote(URI adminUrl, String token) {
    return new RemoteTarget(AdminClient.create(adminUrl, token));
  }

  /** A simulator elsewhere, through {@code admin}. */
  static ChaosTarget remote(AdminClient admin) {
    return new RemoteTarget(admin);
  }
}
