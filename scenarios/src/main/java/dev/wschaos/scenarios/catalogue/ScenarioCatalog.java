package dev.wschaos.scenarios.catalogue;

import static dev.wschaos.scenarios.catalogue.ChaosScenario.Status.PENDING;
import static dev.wschaos.scenarios.catalogue.ChaosScenario.Status.PROVISIONAL;
import static dev.wschaos.scenarios.catalogue.ChaosScenario.Status.RUNNABLE;

import dev.wschaos.scenarios.client.ClientBehaviour;
import dev.wschaos.scenarios.policy.Jitter;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.PlanLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  private static final Duration S1 = Duration.ofSeconds(1);
  private static final Duration S2 = Duration.ofSeconds(2);
  private static final Duration S3 = Duration.ofSeconds(3);
  private static final ReconnectPolicy BACKOFF =
      ReconnectPolicy.exponential(Duration.ofMillis(200), 2, Duration.ofSeconds(10), Jitter.FULL);

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
            Slo.fleetConnected(0.99))));
    add(new ChaosScenario("going-away-1001",
        "every connection closed with 1001 Going Away after 10 s; clients notice at once and reconnect",
        "going-away-1001", builtIn("going-away-1001"), RUNNABLE, ClientBehaviour.heartbeat(S1, S3), BACKOFF,
        injection(200, 10, 30, false),
        List.of(Slo.faultObserved("close-1001", 0.9), Slo.noGiveUps(), Slo.reconnectWithin(99, 5_000),
            Slo.fleetConnected(0.7))));
    add(new ChaosScenario("abnormal-1006",
        "every connection dropped without a close frame after 5 s; clients notice through their heartbeat",
        "abnormal-1006", builtIn("abnormal-1006"), RUNNABLE, ClientBehaviour.heartbeat(S1, S3), BACKOFF,
        injection(200, 10, 30, false),
        List.of(Slo.faultObserved("1006", 0.9, SILENT_DROP), Slo.noGiveUps(), Slo.reconnectWithin(99, 5_000))));
    add(new ChaosScenario("internal-error-1011",
        "half of the connections closed with 1011 after the 5th message of an echo conversation",
        "internal-error-1011", builtIn("internal-error-1011"), RUNNABLE,
        ClientBehaviour.echo(Duration.ofMillis(500), S3), BACKOFF, injection(200, 10, 30, false),
        List.of(Slo.faultObserved("close-1011", 0.3), Slo.echoIntact(), Slo.noGiveUps(),
            Slo.reconnectWithin(99, 5_000))));
    add(new ChaosScenario(DEFAULT,
        "a rolling restart: each client's first connection closed with 1012 advising 2 s; ticker subscribers resume "
            + "with ?lastSeq=N and miss nothing",
        "rolling-restart-1012", shipped("rolling-restart-1012"), PROVISIONAL,
        ClientBehaviour.ticker(Duration.ofMillis(500), S3, true),
        ReconnectPolicy.exponential(Duration.ofMillis(500), 2, Duration.ofSeconds(10), Jitter.FULL),
        injection(1000, 30, 60, false),
        List.of(Slo.faultObserved("close-1012", 0.95), Slo.adviceHonoured(), Slo.reconnectWithin(99, 5_000),
            Slo.tickerGapsAtMost(0), Slo.noGiveUps(), Slo.fleetConnected(0.99))));
    add(new ChaosScenario("overload-1013",
        "an overloaded server closes each client's first two connections with 1013 advising 2 s; clients wait",
        "try-again-later-1013", builtIn("try-again-later-1013"), RUNNABLE, ClientBehaviour.heartbeat(S1, S3),
        BACKOFF, injection(200, 10, 30, false),
        List.of(Slo.faultObserved("close-1013", 1.9), Slo.adviceHonoured(), Slo.noGiveUps(),
            Slo.reconnectWithin(99, 8_000), Slo.fleetConnected(0.99))));
    add(new ChaosScenario("thundering-herd",
        "the whole fleet, connected together, loses its connections in the same second; jitter must spread the "
            + "reconnects",
        "thundering-herd", shipped("thundering-herd"), PROVISIONAL,
        ClientBehaviour.heartbeat(Duration.ofMillis(500), S2),
        ReconnectPolicy.exponential(Duration.ofSeconds(6), 2, Duration.ofSeconds(30), Jitter.FULL),
        injection(500, 0, 30, true),
        List.of(Slo.faultObserved("1006", 0.95, SILENT_DROP), Slo.peakReconnectRate(0.3), Slo.noGiveUps(),
            Slo.reconnectWithin(99, 8_000), Slo.fleetConnected(0.99))));
    add(pending("tls-expired", "wss with an expired certificate: clients must fail fast and not hammer the server; "
        + "needs the simulator's TLS faults (issue 4)"));
    add(pending("half-open-zombies", "connections that stay open but go silent; clients must detect them with "
        + "heartbeat timeouts; needs the simulator's half-open fault (issue 3)"));
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

  private static ChaosScenario pending(String name, String purpose) {
    return new ChaosScenario(name, purpose, name, () -> {
      throw new IllegalStateException("no plan yet for " + name);
    }, PENDING, ClientBehaviour.heartbeat(S1, S3), BACKOFF, injection(100, 10, 30, false), List.of());
  }

  private static ChaosScenario.Injection injection(int users, int rampSeconds, int durationSeconds, boolean atOnce) {
    return new ChaosScenario.Injection(users, Duration.ofSeconds(rampSeconds), Duration.ofSeconds(durationSeconds),
        atOnce);
  }

  private static Supplier<Plan> builtIn(String name) {
    return () -> PlanCatalog.load(name);
  }

  /** A plan shipped with this module, in {@code dev/wschaos/scenarios/plans/NAME.yaml}. */
  private static Supplier<Plan> shipped(String name) {
    return () -> {
      String resource = "/dev/wschaos/scenarios/plans/" + name + ".yaml";
      try (InputStream in = ScenarioCatalog.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is missing from the jar");
        }
        return PlanLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "scenario plan " + name,
            PlanLoader.Format.YAML);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
