package dev.wschaos.scenarios.catalogue;

import static dev.wschaos.scenarios.catalogue.ChaosScenario.Status.RUNNABLE;

import dev.wschaos.scenarios.client.ClientBehaviour;
import dev.wschaos.scenarios.client.ClientConversation;
import dev.wschaos.scenarios.client.ConversationPresets;
import dev.wschaos.scenarios.policy.Jitter;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import dev.wschaos.simulator.analytics.ReportQuery;
import dev.wschaos.simulator.behaviour.TickerBehaviour;
import dev.wschaos.simulator.fault.handshake.WrongStatusFault;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.fleet.RestartAction;
import dev.wschaos.simulator.fleet.RollingRestartAction;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.plan.TlsProfile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The named chaos scenarios (see {@code docs/scenarios.md}).
 *
 * <pre>{@code
 * ScenarioCatalog.runnableNames();          // [healthy, handshake-400-storm, ...]
 * ChaosScenario s = ScenarioCatalog.get("overload-1013");
 * }</pre>
 */
public final class ScenarioCatalog {

  /** The scenario the main job runs. */
  public static final String DEFAULT = "rolling-restart-1012";
  /** The scale run's scenario (loadtests/cluster-run.sh): a rolling restart of a simulator cluster, node by node. */
  public static final String CLUSTER_ROLLING_RESTART = "cluster-rolling-restart";

  private static final Duration S1 = Duration.ofSeconds(1);
  private static final Duration S2 = Duration.ofSeconds(2);
  private static final Duration S3 = Duration.ofSeconds(3);
  private static final ReconnectPolicy BACKOFF =
      ReconnectPolicy.exponential(Duration.ofMillis(200), 2, Duration.ofSeconds(10), Jitter.FULL);

  /**
   * {@code gateway-down-502}: a refused upgrade must not be retried sooner than this. Its default policy waits at
   * least half of 500 ms x 2^n (equal jitter); full jitter from 200 ms, like {@link #BACKOFF}, may retry within a few
   * milliseconds and fails it, as {@code immediate} does.
   */
  static final Duration GATEWAY_MINIMUM_DELAY = Duration.ofMillis(200);
  private static final ReconnectPolicy GATEWAY_BACKOFF =
      ReconnectPolicy.exponential(Duration.ofMillis(500), 2, Duration.ofSeconds(10), Jitter.EQUAL);

  private static final java.util.Set<String> SILENT_DROP = java.util.Set.of("dropped", "heartbeat-timeout");

  private static final Map<String, ChaosScenario> SCENARIOS = new LinkedHashMap<>();

  static {
    add(new ChaosScenario("healthy", "baseline: a healthy service, no fault; every client stays connected",
        "healthy", builtIn("healthy"), RUNNABLE, ClientBehaviour.heartbeat(S2, S3), BACKOFF,
        injection(100, 10, 30, false),
        List.of(Slo.everyoneConnected(), Slo.noDisconnects(), Slo.noGiveUps(), Slo.fleetConnected(0.99))));
    add(new ChaosScenario("handshake-400-storm",
        "30% of upgrades refused with 400 by a gateway; clients back off and retry until they get in",
        "handshake-400", builtIn("handshake-400"), RUNNABLE, ClientBehaviour.heartbeat(S2, S3), BACKOFF,
        injection(200, 10, 30, false),
        List.of(Slo.handshakeFailuresObserved(0.15), Slo.noGiveUps(), Slo.reconnectWithin(99, 10_000),
            Slo.fleetConnected(0.99), Slo.backWithinWindow())));
    add(new ChaosScenario("going-away-1001",
        "every connection closed with 1001 Going Away after 10 s; clients notice at once and reconnect",
        "going-away-1001", builtIn("going-away-1001"), RUNNABLE, ClientBehaviour.heartbeat(S1, S3), BACKOFF,
        injection(200, 10, 30, false),
        List.of(Slo.faultObserved("close-1001", 0.9), Slo.noGiveUps(), Slo.reconnectWithin(99, 5_000),
            Slo.fleetConnected(0.7), Slo.backWithinWindow(), Slo.noReconnectAfterTerminalClose())));
    add(new ChaosScenario("abnormal-1006",
        "every connection dropped without a close frame after 5 s; clients notice through their heartbeat",
        "abnormal-1006", builtIn("abnormal-1006"), RUNNABLE, ClientBehaviour.heartbeat(S1, S3), BACKOFF,
        injection(200, 10, 30, false),
        List.of(Slo.faultObserved("1006", 0.9, SILENT_DROP), Slo.noGiveUps(), Slo.reconnectWithin(99, 5_000),
            Slo.backWithinWindow())));
    add(new ChaosScenario("internal-error-1011",
        "half of the connections closed with 1011 after the 5th message of an echo conversation",
        "internal-error-1011", builtIn("internal-error-1011"), RUNNABLE,
        ClientBehaviour.echo(Duration.ofMillis(500), S3), BACKOFF, injection(200, 10, 30, false),
        List.of(Slo.faultObserved("close-1011", 0.3), Slo.echoIntact(), Slo.noGiveUps(),
            Slo.reconnectWithin(99, 5_000), Slo.backWithinWindow())));
    add(new ChaosScenario(DEFAULT,
        "a rolling restart 10 s after the ramp: the whole fleet closed with 1012 advising 2 s, spread over 5 s; "
            + "ticker subscribers resume with ?lastSeq=N and miss nothing",
        "rolling-restart", rollingRestartPlan(), RUNNABLE,
        ClientBehaviour.ticker(Duration.ofMillis(500), S3, true),
        ReconnectPolicy.exponential(Duration.ofMillis(500), 2, Duration.ofSeconds(10), Jitter.FULL),
        injection(1000, 30, 60, false),
        List.of(Slo.faultObserved("close-1012", 0.95), Slo.adviceHonoured(), Slo.reconnectWithin(99, 5_000),
            Slo.tickerGapsAtMost(0), Slo.noGiveUps(), Slo.fleetConnected(0.99), Slo.recoveryWithin(99, 10_000),
            Slo.herdRatioAtMost(0.5), Slo.advisedDelaysHonoured(), Slo.noReconnectAfterTerminalClose(),
            Slo.noFinding("resumed", "reconnected-without-resume",
                "every reconnect resumed the ticker with lastSeq (simulator side)")),
        List.of(new ChaosScenario.FleetStep(Duration.ofSeconds(10),
            CloseAction.all(1012, "service restart; retry-after=2").spreadOver(Duration.ofSeconds(5))))));
    add(packRollingRestart("stomp", "STOMP 1.2 clients (CONNECT, SUBSCRIBE id:prices)", PackPlans::stompWithResume,
        "SUBSCRIBE with x-resume-after:N"));
    add(packRollingRestart("graphql-ws", "graphql-transport-ws clients (connection_init, subscribe id tick)",
        PackPlans::graphqlWsWithResume, "subscribe with variables.after = N"));
    add(new ChaosScenario("overload-1013",
        "an overloaded server closes each client's first two connections with 1013 advising 2 s; clients wait",
        "try-again-later-1013", builtIn("try-again-later-1013"), RUNNABLE, ClientBehaviour.heartbeat(S1, S3),
        BACKOFF, injection(200, 10, 30, false),
        List.of(Slo.faultObserved("close-1013", 1.9), Slo.adviceHonoured(), Slo.noGiveUps(),
            Slo.reconnectWithin(99, 8_000), Slo.fleetConnected(0.99), Slo.advisedDelaysHonoured(),
            Slo.backWithinWindow())));
    add(new ChaosScenario(CLUSTER_ROLLING_RESTART,
        "a deploy across a simulator cluster 15 s after the ramp: node by node, each closes its clients with 1012 and "
            + "refuses connections for 2 s, 40 s apart; clients behind a balancer reconnect to a node that is up and "
            + "the fleet stays connected (one simulator alone restarts once)",
        "healthy", builtIn("healthy"), RUNNABLE, ClientBehaviour.idle(S1),
        ReconnectPolicy.exponential(S3, 2, Duration.ofSeconds(30), Jitter.FULL),
        injection(300, 20, 160, false),
        List.of(Slo.faultObserved("close-1012", 0.9), Slo.noGiveUps(), Slo.reconnectWithin(99, 15_000),
            Slo.fleetConnected(0.99), Slo.recoveryWithin(99, 15_000), Slo.herdRatioAtMost(0.5),
            Slo.backWithinWindow()),
        List.of(new ChaosScenario.FleetStep(Duration.ofSeconds(15), new RollingRestartAction(S2,
            Duration.ofSeconds(40), RestartAction.SERVICE_RESTART, "rolling restart")))));
    add(new ChaosScenario("thundering-herd",
        "the whole fleet, connected together, loses its connections in the same second (the built-in plan: drop "
            + "all at 10 s, then 10 handshakes/s for 30 s); jitter must spread the reconnects",
        "thundering-herd", builtIn("thundering-herd"), RUNNABLE,
        ClientBehaviour.heartbeat(Duration.ofMillis(500), S2),
        ReconnectPolicy.exponential(Duration.ofSeconds(6), 2, Duration.ofSeconds(30), Jitter.FULL),
        injection(200, 0, 60, true),
        List.of(Slo.faultObserved("1006", 0.95, SILENT_DROP), Slo.peakReconnectRate(0.3), Slo.noGiveUps(),
            Slo.fleetConnected(0.99), Slo.recoveryWithin(99, 45_000), Slo.herdRatioAtMost(0.5),
            Slo.backWithinWindow())));
    add(new ChaosScenario("gateway-down-502",
        "nginx in front of a restarting backend: each client's first three upgrades get nginx's 502 page, the "
            + "fourth an SPA's 200 index.html (a misrouted fallback), the fifth connects; clients back off instead "
            + "of retrying hot",
        "gateway-down-502", gatewayDownPlan(), RUNNABLE, ClientBehaviour.heartbeat(S1, S3), GATEWAY_BACKOFF,
        injection(200, 10, 30, false),
        List.of(Slo.handshakeFailuresObserved(4), Slo.noGiveUps(), Slo.everyoneConnected(),
            Slo.peakReconnectRate(3.0), Slo.backWithinWindow(), Slo.notRetriedTooFast(GATEWAY_MINIMUM_DELAY)),
        List.of(), ReportQuery.minimumDelay(GATEWAY_MINIMUM_DELAY)));
    add(new ChaosScenario("tls-expired",
        "wss with an expired certificate (the TLS lab's expired profile): every connect fails certificate "
            + "validation; clients keep backing off instead of hammering the server",
        "tls-expired", () -> Plan.named("tls-expired").withTls(TlsPolicy.of(TlsProfile.EXPIRED))
            .withDescription("A healthy echo service whose wss:// port presents a leaf certificate that expired "
                + "yesterday."),
        RUNNABLE, ClientBehaviour.heartbeat(S1, S3),
        ReconnectPolicy.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(10), Jitter.FULL),
        injection(50, 5, 20, false),
        List.of(Slo.handshakeFailuresObserved(2), Slo.neverConnected(), Slo.peakReconnectRate(1.0),
            Slo.noGiveUps())));
    add(new ChaosScenario("half-open-zombies",
        "a quarter of the connections go half-open within 30 s (no data, no pong, no FIN); clients notice with "
            + "their heartbeat timeout and reconnect",
        "half-open-zombies", builtIn("half-open-zombies"), RUNNABLE, ClientBehaviour.heartbeat(S1, S3), BACKOFF,
        injection(200, 10, 60, false),
        List.of(Slo.faultObserved("heartbeat-timeout", 0.15), Slo.noGiveUps(), Slo.reconnectWithin(99, 5_000),
            Slo.backWithinWindow())));
  }

  private ScenarioCatalog() {}

  public static List<String> names() {
    return List.copyOf(SCENARIOS.keySet());
  }

  public static List<String> runnableNames() {
    return SCENARIOS.values().stream().filter(ChaosScenario::runnable).map(ChaosScenario::name).toList();
  }

  public static List<ChaosScenario> all() {
    return List.copyOf(SCENARIOS.values());
  }

  /** @throws IllegalArgumentException naming the runnable scenarios, for an unknown or pending name */
  public static ChaosScenario get(String name) {
    ChaosScenario scenario = SCENARIOS.get(name);
    if (scenario == null) {
      throw new IllegalArgumentException("no scenario '" + name + "'; runnable scenarios: "
          + String.join(", ", runnableNames()));
    }
    if (!scenario.runnable()) {
      throw new IllegalArgumentException("scenario '" + name + "' cannot run yet (" + scenario.purpose()
          + "); runnable scenarios: " + String.join(", ", runnableNames()));
    }
    return scenario;
  }

  private static void add(ChaosScenario scenario) {
    SCENARIOS.put(scenario.name(), scenario);
  }

  private static ChaosScenario.Injection injection(int users, int rampSeconds, int durationSeconds, boolean atOnce) {
    return new ChaosScenario.Injection(users, Duration.ofSeconds(rampSeconds), Duration.ofSeconds(durationSeconds),
        atOnce);
  }

  private static Supplier<Plan> builtIn(String name) {
    return () -> PlanCatalog.load(name);
  }

  /**
   * {@code PACK-rolling-restart}: clients speaking the pack's protocol, the whole fleet closed with 1012 advising 2 s,
   * spread over 5 s, 5 s after the ramp; every client must be ready again, resubscribe resuming, and miss nothing.
   */
  private static ChaosScenario packRollingRestart(String pack, String who, Supplier<Plan> plan, String resume) {
    ClientConversation conversation = ConversationPresets.get(pack);
    return new ChaosScenario(pack + "-rolling-restart",
        "a rolling restart of a " + pack + " service 5 s after the ramp: " + who + " closed with 1012 advising 2 s, "
            + "spread over 5 s; each must be ready again, resubscribe (" + resume + ") and miss no message",
        pack, plan, RUNNABLE, ClientBehaviour.conversation(conversation),
        ReconnectPolicy.exponential(Duration.ofMillis(500), 2, Duration.ofSeconds(10), Jitter.FULL),
        injection(100, 5, 25, false),
        List.of(Slo.faultObserved("close-1012", 0.95), Slo.everyoneReady(), Slo.readyWithin(99, 6_000),
            Slo.resubscribed(conversation.feeds().size(), true), Slo.feedGapsAtMost(0), Slo.noDuplicates(),
            Slo.adviceHonoured(), Slo.noGiveUps(), Slo.fleetConnected(0.99), Slo.recoveryWithin(99, 10_000),
            Slo.advisedDelaysHonoured()),
        List.of(new ChaosScenario.FleetStep(Duration.ofSeconds(5),
            CloseAction.all(1012, "service restart; retry-after=2").spreadOver(Duration.ofSeconds(5)))));
  }

  /** The built-in {@code gateway-down-502} plan, with attempt 4 answered by an SPA's index.html (200). */
  private static Supplier<Plan> gatewayDownPlan() {
    return () -> {
      Plan plan = PlanCatalog.load("gateway-down-502");
      List<Rule> rules = new java.util.ArrayList<>(plan.rules());
      rules.add(0, Rule.of(new Match(null, null, AttemptRange.parse("4"), null, null, null),
          WrongStatusFault.status(200)));
      return plan.withRules(rules).withDescription(plan.description() + " Attempt 4 gets an SPA's 200 index.html.");
    };
  }

  /**
   * The built-in {@code rolling-restart} plan with ticker subscribers, without its own timeline: the run takes the
   * restart itself (a {@link ChaosScenario.FleetStep}) once the fleet has arrived, and leaves out the plan's 503 +
   * Retry-After phase, whose header a Gatling client cannot see (docs/scenarios.md).
   */
  private static Supplier<Plan> rollingRestartPlan() {
    return () -> PlanCatalog.load("rolling-restart").withTimeline(List.of())
        .withBehaviour(TickerBehaviour.every(Duration.ofMillis(500)))
        .withDescription("Ticker subscribers (a tick every 500 ms, resume with ?lastSeq=N); the load test closes "
            + "the whole fleet with 1012 'service restart; retry-after=2' spread over 5 s, 10 s after its ramp.");
  }
}
