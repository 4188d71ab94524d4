package dev.wschaos.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.wschaos.scenarios.catalogue.ChaosScenario;
import dev.wschaos.scenarios.client.ClientLedger;
import dev.wschaos.scenarios.client.WsClient;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import dev.wschaos.scenarios.sweep.SweepEntry;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.TlsPolicy;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One policy of a sweep: its own embedded simulator (same plan, same seed as the others) and its fleet. The
 * simulator starts idle; {@link #begin} resets it and installs the scenario's plan when the fleet's first user
 * arrives, so the plan's timeline counts from then; {@link #finish()} reads the simulator's reconnect report.
 */
final class SweepStage {

  private final ChaosScenario scenario;
  private final String label;
  private final ReconnectPolicy policy;
  private final int users;
  private final Duration ramp;
  private final Duration duration;
  private final String position;
  private final WsChaosServer server;
  private final WsClient client;
  private final String baseUrl;
  private volatile long endAtMillis = Long.MAX_VALUE;
  private volatile long startedAtMillis;
  private volatile SweepEntry entry;
  private boolean begun;

  SweepStage(ChaosScenario scenario, String label, ReconnectPolicy policy, int users, Duration ramp,
             Duration duration, long seed, String position) {
    if (!scenario.plan().tls().equals(TlsPolicy.DEFAULT)) {
      throw new IllegalArgumentException("scenario " + scenario.name() + " needs wss://: the sweep runs ws:// "
          + "scenarios only");
    }
    this.scenario = scenario;
    this.label = label;
    this.policy = policy;
    this.users = users;
    this.ramp = ramp;
    this.duration = duration;
    this.position = position;
    this.server = WsChaosServer.builder().plan(scenario.plan()).seed(seed).start();
    this.baseUrl = "ws://" + server.host() + ":" + server.port();
    this.client = WsClient.builder("/" + scenario.name()).behaviour(scenario.behaviour()).policy(policy)
        .clientPrefix(scenario.name() + "-").seed(seed).build();
  }

  String label() {
    return label;
  }

  /**
   * The fleet's first user arrived: a fresh plan (timeline from zero), the run's clock, the scenario's fleet actions.
   * Later calls (the other users) wait for the first one, then do nothing: each user reads the clock it set.
   */
  synchronized void begin(ScheduledExecutorService timer) {
    if (begun) {
      return;
    }
    begun = true;
    server.reset();
    server.replacePlan(scenario.plan());
    startedAtMillis = System.currentTimeMillis();
    endAtMillis = startedAtMillis + duration.toMillis();
    Duration arrived = scenario.injection().atOnce() ? Duration.ZERO : ramp;
    for (ChaosScenario.FleetStep step : scenario.fleetSteps()) {
      timer.schedule(() -> server.act(step.action()), arrived.plus(step.afterRamp()).toMillis(),
          TimeUnit.MILLISECONDS);
    }
    System.out.printf("wschaos sweep %s %s: started, %d users for %d s against %s%n", position, label, users,
        duration.toSeconds(), baseUrl);
  }

  /** One line for the periodic progress print, null when not running. */
  String progress() {
    long now = System.currentTimeMillis();
    if (startedAtMillis == 0 || entry != null || now > endAtMillis) {
      return null;
    }
    ClientLedger.Snapshot s = client.ledger().snapshot();
    return String.format("%s %d/%d s, %d connected, %d connects, %d failed", label, (now - startedAtMillis) / 1000,
        duration.toSeconds(), server.openConnections(), s.connects(), s.connectFailures());
  }

  /** After the fleet: the simulator's figures for this policy. */
  SweepEntry finish() {
    long giveUps = client.ledger().snapshot().giveUps().values().stream().mapToLong(Long::longValue).sum();
    entry = SweepEntry.of(label, policy.toJson(), server.reconnectReport(), giveUps);
    System.out.printf("wschaos sweep %s %s: done: %d lost, %d back, p99 %s ms, herd peak %.0f/s, %d handshakes "
            + "(%d refused)%n", position, label, entry.lost(), entry.recovered(), entry.p99Millis(), entry.herdPeak(),
        entry.handshakes(), entry.refused());
    return entry;
  }

  SweepEntry entry() {
    return entry;
  }

  /** The fleet; its first user starts this policy's run ({@link #begin}), so the plan's timeline meets the fleet. */
  PopulationBuilder fleet(ScheduledExecutorService timer) {
    var injection = scenario.injection().atOnce() ? atOnceUsers(users) : rampUsers(users).during(ramp);
    return scenario("sweep " + label).exec(exec(s -> {
      begin(timer);
      return s;
    })).exec(client.sessionUntil(() -> endAtMillis)).injectOpen(injection).protocols(WsClient.protocol(baseUrl));
  }

  void close() {
    server.close();
  }
}
