package dev.wschaos.loadtests;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.wschaos.scenarios.catalogue.ChaosScenario;
import dev.wschaos.scenarios.catalogue.ReconnectFacts;
import dev.wschaos.scenarios.catalogue.RunFacts;
import dev.wschaos.scenarios.catalogue.Slo;
import dev.wschaos.scenarios.catalogue.Verdict;
import dev.wschaos.scenarios.client.ClientLedger;
import dev.wschaos.scenarios.client.WsClient;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.dsl.ChaosTarget;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.tls.TlsSettings;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One chaos scenario run inside a Gatling simulation: the simulator (embedded, or a remote URL), the fleet of
 * reconnecting clients, then one "verdict" user that evaluates the SLOs and records each as a request named
 * {@code SLO SCENARIO: NAME}, OK or KO, so that a Gatling assertion per SLO fails the run with its name.
 */
final class ChaosRun {

  /** Simulator-side samples are taken once a second over this many seconds, ending 1 s before the run ends. */
  private static final int SAMPLE_SECONDS = 3;
  /** A fleet action must leave this much of the run for the recovery and the end-of-run samples. */
  private static final Duration FLEET_STEP_HEADROOM = Duration.ofSeconds(15);

  private final ChaosScenario scenario;
  private final int users;
  private final Duration ramp;
  private final Duration duration;
  private final ReconnectPolicy policy;
  private final WsChaosServer server;
  /** The simulator, when it can be asked (embedded, or remote with -Dadmin); null when not visible. */
  private final ChaosTarget simulator;
  private final String baseUrl;
  private final WsClient client;
  private final List<Integer> samples = Collections.synchronizedList(new ArrayList<>());
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "wschaos-sampler");
    t.setDaemon(true);
    return t;
  });
  private final List<String> actionErrors = Collections.synchronizedList(new ArrayList<>());
  private volatile long endAtMillis = Long.MAX_VALUE;
  private volatile ReconnectFacts reconnects;
  private volatile Verdict verdict;
  private volatile String reconnectsError;
  private JvmMeter meter;
  private volatile List<Path> reportFiles = List.of();

  ChaosRun(ChaosScenario scenario, int users, Duration ramp, Duration duration, ReconnectPolicy policy,
           String target, long seed) {
    this(scenario, users, ramp, duration, policy, target, null, null, seed);
  }

  ChaosRun(ChaosScenario scenario, int users, Duration ramp, Duration duration, ReconnectPolicy policy,
           String target, String adminUrl, String adminToken, long seed) {
    if (users < 1) {
      throw new IllegalArgumentException("users must be 1 or more, not " + users);
    }
    if (duration.compareTo(ramp) < 0) {
      throw new IllegalArgumentException("duration " + duration + " is shorter than ramp " + ramp);
    }
    Duration arrived = scenario.injection().atOnce() ? Duration.ZERO : ramp;
    for (ChaosScenario.FleetStep step : scenario.fleetSteps()) {
      Duration latest = duration.minus(FLEET_STEP_HEADROOM);
      if (arrived.plus(step.afterRamp()).compareTo(latest) > 0) {
        throw new IllegalArgumentException("-Dduration=" + duration.toSeconds() + "s is too short for scenario "
            + scenario.name() + ": its fleet action (" + step.action().describe() + ") comes "
            + step.afterRamp().toSeconds() + " s after the ramp, so give at least "
            + arrived.plus(step.afterRamp()).plus(FLEET_STEP_HEADROOM).toSeconds() + "s for the fleet to recover");
      }
    }
    this.scenario = scenario;
    this.users = users;
    this.ramp = ramp;
    this.duration = duration;
    this.policy = policy;
    if (target.equals("embedded")) {
      Plan plan = scenario.plan();
      boolean wss = !plan.tls().equals(TlsPolicy.DEFAULT);
      WsChaosServer.Builder builder = WsChaosServer.builder().plan(plan).seed(seed);
      this.server = (wss ? builder.tls(TlsSettings.port(0)) : builder).start();
      this.simulator = server;
      this.baseUrl = wss ? "wss://" + server.host() + ":" + server.tls().port()
          : "ws://" + server.host() + ":" + server.port();
    } else if (target.startsWith("ws://") || target.startsWith("wss://")) {
      this.server = null;
      this.simulator = adminUrl == null ? null : ChaosTarget.remote(URI.create(adminUrl), adminToken);
      this.baseUrl = target.replaceAll("/+$", "");
      if (simulator != null) {
        simulator.reset();
        simulator.replacePlan(scenario.plan());
        System.out.println("wschaos: reset the simulator at " + adminUrl + ", installed plan " + scenario.planName());
      }
    } else {
      throw new IllegalArgumentException("-Dtarget=" + target + ": use embedded or a ws:// or wss:// URL");
    }
    if (!scenario.fleetSteps().isEmpty() && simulator == null) {
      throw new IllegalArgumentException("scenario " + scenario.name() + " takes fleet actions during the run: "
          + "give the remote simulator's admin URL, -Dadmin=http://host:port");
    }
    if (baseUrl.startsWith("wss://")) {
      LabTrust.trust(simulator == null ? Optional.empty() : simulator.tlsCaPem(), Path.of(System.getProperty("wschaos.reportDir", "target/wschaos")));
    }
    this.client = WsClient.builder("/" + scenario.name()).behaviour(scenario.behaviour()).policy(policy)
        .clientPrefix(scenario.name() + "-").seed(seed).build();
  }

  /** The run as the knobs describe it, defaults from the scenario. */
  static ChaosRun fromKnobs(ChaosScenario scenario) {
    ChaosScenario.Injection d = scenario.injection();
    String policyText = Knobs.text("policy", null);
    return new ChaosRun(scenario,
        Knobs.integer("users", d.users()),
        Knobs.duration("ramp", d.ramp()),
        Knobs.duration("duration", d.duration()),
        policyText == null ? scenario.policy() : ReconnectPolicy.parse(policyText),
        Knobs.text("target", "embedded"),
        Knobs.text("admin", null),
        Knobs.text("adminToken", null),
        Knobs.integer("seed", 42));
  }

  String describe() {
    return String.format("scenario %s (%s, plan %s): %d users, %s, run %ds, policy %s, target %s", scenario.name(),
        scenario.status(), scenario.planName(), users,
        scenario.injection().atOnce() ? "at once" : "ramp " + ramp.toSeconds() + "s", duration.toSeconds(),
        policy.toJson(), server == null ? baseUrl + (simulator == null ? "" : ", " + simulator.describe())
            : "embedded " + baseUrl);
  }

  Duration maxDuration() {
    return duration.plusSeconds(90);
  }

  /** Call from the simulation's {@code before()}: the run's clock starts. */
  void start() {
    long start = System.currentTimeMillis();
    endAtMillis = start + duration.toMillis();
    meter = new JvmMeter();
    sampler.scheduleAtFixedRate(meter::sample, 1, 1, TimeUnit.SECONDS);
    long firstSample = Math.max(0, duration.toSeconds() - SAMPLE_SECONDS - 1);
    for (long s = firstSample; s < duration.toSeconds() - 1; s++) {
      sampler.schedule(() -> {
        if (simulator != null) {
          samples.add(simulator.openConnections());
        }
      }, s, TimeUnit.SECONDS);
    }
    Duration arrived = scenario.injection().atOnce() ? Duration.ZERO : ramp;
    for (ChaosScenario.FleetStep step : scenario.fleetSteps()) {
      long at = arrived.plus(step.afterRamp()).toMillis();
      sampler.schedule(() -> act(step), at, TimeUnit.MILLISECONDS);
    }
  }

  private void act(ChaosScenario.FleetStep step) {
    try {
      ActionResult result = simulator.act(step.action());
      System.out.println("wschaos: " + step.action().describe() + " -> " + result);
    } catch (RuntimeException e) {
      actionErrors.add(step.action().describe() + ": " + e.getMessage());
      System.err.println("wschaos: fleet action failed: " + step.action().describe() + ": " + e);
    }
  }

  PopulationBuilder population() {
    ScenarioBuilder fleet = scenario(scenario.name()).exec(client.sessionUntil(() -> endAtMillis));
    ChainBuilder judging = exec(s -> {
      evaluate();
      return s;
    });
    for (Slo slo : scenario.slos()) {
      judging = judging.exec(dummy(sloRequest(slo), 0)
          .withSuccess(s -> !verdict.results().get(slo.name()).failed()));
    }
    judging = judging.exec(dummy(fleetActionsRequest(), 0).withSuccess(s -> verdict.actionErrors().isEmpty()));
    var injection = scenario.injection().atOnce() ? atOnceUsers(users) : rampUsers(users).during(ramp);
    return fleet.injectOpen(injection).protocols(WsClient.protocol(baseUrl))
        .andThen(scenario(scenario.name() + " verdict").exec(judging).injectOpen(atOnceUsers(1))
            .protocols(WsClient.protocol(baseUrl)));
  }

  /**
   * One assertion per SLO, on the request named after it: the run fails, naming each SLO that failed (a skipped SLO
   * does not fail it); one more on the fleet actions: an action that failed fails the run.
   */
  List<Assertion> assertions() {
    List<Assertion> out = new ArrayList<>();
    for (Slo slo : scenario.slos()) {
      out.add(details(sloRequest(slo)).failedRequests().count().is(0L));
    }
    out.add(details(fleetActionsRequest()).failedRequests().count().is(0L));
    return out;
  }

  private String fleetActionsRequest() {
    return "fleet actions " + scenario.name();
  }

  private String sloRequest(Slo slo) {
    return "SLO " + scenario.name() + ": " + slo.name();
  }

  private void evaluate() {
    ClientLedger.Snapshot snapshot = client.ledger().snapshot();
    try {
      reconnects = simulator == null ? null : ReconnectFacts.of(simulator.reconnectReport(scenario.reportQuery()));
    } catch (RuntimeException e) {
      reconnectsError = e.getMessage();
    }
    RunFacts facts = new RunFacts(users, snapshot, simulator == null ? null : simulator.describe(), List.copyOf(samples), reconnects);
    verdict = Verdict.judge(scenario.slos(), facts, List.copyOf(actionErrors));
    String report = report(snapshot);
    System.out.println(report);
    try {
      Path dir = Path.of(System.getProperty("wschaos.reportDir", "target/wschaos"));
      Files.createDirectories(dir);
      Path verdictFile = dir.resolve(scenario.name() + "-verdict.txt").toAbsolutePath();
      Files.writeString(verdictFile, report);
      List<Path> files = new ArrayList<>(List.of(verdictFile));
      if (simulator != null) {
        Path base = dir.toAbsolutePath();
        files.add(simulator.writeReconnectReport(base.resolve(scenario.name() + "-reconnect-report.html")));
        files.add(simulator.writeReconnectReport(base.resolve(scenario.name() + "-reconnect-report.json")));
      }
      reportFiles = List.copyOf(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String report(ClientLedger.Snapshot c) {
    StringBuilder out = new StringBuilder();
    out.append("\n===== wschaos verdict: ").append(verdict.headline()).append(" =====\n")
        .append(describe()).append('\n')
        .append(String.format("clients: %d connects, %d failed handshakes, peak %d connected, %d messages, "
                + "%d ticks (%d missed)%n", c.connects(), c.connectFailures(), c.peakConnected(), c.messages(),
            c.ticks(), c.tickerMissed()))
        .append("disconnects by cause: ").append(c.disconnects()).append('\n')
        .append("give-ups: ").append(c.giveUps()).append('\n')
        .append(String.format("reconnect (noticed -> connected): n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms; "
                + "peak %d attempts/s%n", c.reconnectMillis().size(), c.reconnectPercentile(50),
            c.reconnectPercentile(95), c.reconnectPercentile(99), c.reconnectPercentile(100),
            c.peakAttemptsPerSecond()))
        .append(conversationLine(c))
        .append("simulator: ").append(simulator == null ? "not visible (remote)" : simulator.describe()
            + ", open connections sampled at the end " + samples).append('\n')
        .append(reconnects == null ? "" : simulatorView())
        .append(reconnectsError == null ? "" : "reconnect analytics unavailable: " + reconnectsError + "\n")
        .append(meter == null ? "" : meter.summary() + "\n");
    for (Slo slo : scenario.slos()) {
      Slo.Result r = verdict.results().get(slo.name());
      out.append(String.format("  %-8s %-28s %s -- %s%n", r.outcome(), slo.name(), slo.demand(), r.observed()));
    }
    verdict.actionErrors().forEach(e -> out.append("  FAIL     fleet action -- ").append(e).append('\n'));
    return out.toString();
  }

  private String conversationLine(ClientLedger.Snapshot snapshot) {
    if (!(scenario.behaviour() instanceof dev.wschaos.scenarios.client.ClientBehaviour.Conversation)) {
      return "";
    }
    ClientLedger.ConversationFacts c = snapshot.conversation();
    return String.format("conversation: %d ready on first connect (p50=%d p99=%d ms), %d ready again after a reconnect "
            + "(p50=%d p99=%d max=%d ms); %d resubscriptions (%d resumed); %d feed events, %d missed in %d gaps, "
            + "%d duplicates%n", c.firstReadyMillis().size(), c.firstReadyPercentile(50), c.firstReadyPercentile(99),
        c.reconnectReadyMillis().size(), c.reconnectReadyPercentile(50), c.reconnectReadyPercentile(99),
        c.reconnectReadyPercentile(100), c.resubscriptions(), c.resumes(), c.feedEvents(), c.missed(), c.gaps(),
        c.duplicates());
  }

  private String simulatorView() {
    StringBuilder out = new StringBuilder(String.format("simulator reconnect analytics: %d clients, %d attempts, "
        + "findings (clients per check) %s%n", reconnects.clients(), reconnects.attempts(), reconnects.findings()));
    for (ReconnectFacts.Recovery r : reconnects.recoveries()) {
      out.append("  fleet event ").append(r.describe()).append('\n');
    }
    return out.toString();
  }

  /** Call from the simulation's {@code after()}. */
  void stop() {
    sampler.shutdownNow();
    if (!reportFiles.isEmpty()) {
      StringBuilder out = new StringBuilder("\nwschaos reports (" + scenario.name()
          + "; Gatling's HTML report follows):\n");
      reportFiles.forEach(f -> out.append("  ").append(f).append('\n'));
      System.out.print(out);
    }
    if (server != null) {
      server.close();
    }
  }
}
