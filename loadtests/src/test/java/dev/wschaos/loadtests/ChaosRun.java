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
import dev.wschaos.scenarios.client.NodeChooser;
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
  /** This injector's users; {@code totalUsers} are every injector's. */
  private final int users;
  private final int totalUsers;
  private final InjectorShare injector;
  /** When the run starts, epoch ms; 0: when {@link #start()} is called. */
  private final long startAtMillis;
  private final Duration ramp;
  private final Duration duration;
  private final ReconnectPolicy policy;
  private final WsChaosServer server;
  /** The simulator, when it can be asked (embedded, or remote with -Dadmin); null when not visible. */
  private final ChaosTarget simulator;
  private final String baseUrl;
  /** The node base URLs clients spread over; one for a single simulator. */
  private final List<String> nodes;
  /** Where open connections are counted for {@code fleet-connected}: the simulator, or each node of a cluster. */
  private final List<ChaosTarget> counters;
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
    this(scenario, users, ramp, duration, policy, target, adminUrl, adminToken, seed, InjectorShare.SOLE, 0);
  }

  /**
   * {@code users}: every injector's together; {@code injector}: this process's share; {@code startAtMillis}: when
   * every injector starts (epoch ms), 0 for "when {@link #start()} is called".
   */
  ChaosRun(ChaosScenario scenario, int users, Duration ramp, Duration duration, ReconnectPolicy policy,
           String target, String adminUrl, String adminToken, long seed, InjectorShare injector, long startAtMillis) {
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
    this.injector = injector;
    this.totalUsers = users;
    this.users = injector.users(users);
    this.startAtMillis = startAtMillis;
    this.ramp = ramp;
    this.duration = duration;
    this.policy = policy;
    TargetSpec spec = TargetSpec.parse(target);
    if (spec.kind() == TargetSpec.Kind.EMBEDDED && !injector.single()) {
      throw new IllegalArgumentException("-Dinjector=" + injector.index() + "/" + injector.count()
          + " needs a simulator every injector reaches: -Dtarget=ws://host:port[,...] or -Dtarget=cluster, "
          + "with -Dadmin=http://host:port");
    }
    if (spec.kind() == TargetSpec.Kind.EMBEDDED) {
      Plan plan = scenario.plan();
      boolean wss = !plan.tls().equals(TlsPolicy.DEFAULT);
      WsChaosServer.Builder builder = WsChaosServer.builder().plan(plan).seed(seed);
      this.server = (wss ? builder.tls(TlsSettings.port(0)) : builder).start();
      this.simulator = server;
      this.baseUrl = wss ? "wss://" + server.host() + ":" + server.tls().port()
          : "ws://" + server.host() + ":" + server.port();
      this.nodes = List.of(baseUrl);
      this.counters = List.of(server);
    } else {
      this.server = null;
      this.simulator = adminUrl == null ? null : ChaosTarget.remote(URI.create(adminUrl), adminToken);
      Optional<List<ClusterView.Node>> cluster = adminUrl == null ? Optional.empty()
          : ClusterView.fetch(adminUrl, adminToken);
      if (spec.kind() == TargetSpec.Kind.CLUSTER) {
        if (adminUrl == null) {
          throw new IllegalArgumentException("-Dtarget=cluster needs -Dadmin=http://host:port, any node's admin API");
        }
        if (cluster.isEmpty()) {
          throw new IllegalArgumentException("-Dtarget=cluster: the simulator at " + adminUrl
              + " is not clustered (GET /cluster answered 404): give its URL, -Dtarget=ws://host:port");
        }
        this.nodes = cluster.get().stream().map(ClusterView.Node::ws).toList();
        System.out.println("wschaos: cluster at " + adminUrl + ": " + cluster.get().stream()
            .map(n -> "node " + n.index() + " " + n.ws() + (n.admin() == null ? "" : " (admin " + n.admin() + ")"))
            .collect(java.util.stream.Collectors.joining(", ")));
      } else {
        this.nodes = spec.urls();
      }
      this.baseUrl = nodes.get(0);
      this.counters = simulator == null ? List.of() : counters(cluster, adminToken);
      if (simulator != null && injector.leads()) {
        simulator.reset();
        simulator.replacePlan(scenario.plan());
        System.out.println("wschaos: reset the simulator at " + adminUrl + ", installed plan " + scenario.planName());
      }
    }
    if (!scenario.fleetSteps().isEmpty() && simulator == null) {
      throw new IllegalArgumentException("scenario " + scenario.name() + " takes fleet actions during the run: "
          + "give the remote simulator's admin URL, -Dadmin=http://host:port");
    }
    if (baseUrl.startsWith("wss://")) {
      LabTrust.trust(simulator == null ? Optional.empty() : simulator.tlsCaPem(),
          Path.of(System.getProperty("wschaos.reportDir", "target/wschaos")));
    }
    WsClient.Builder clients = WsClient.builder("/" + scenario.name()).behaviour(scenario.behaviour())
        .policy(policy).clientPrefix(injector.clientPrefix(scenario.name())).seed(seed);
    this.client = (nodes.size() > 1 ? clients.nodes(nodes).balancing(balancing()) : clients).build();
  }

  /** {@code -Dbalancing=least-connections} (default) or {@code random}: how reconnects pick a node. */
  static NodeChooser.Balancing balancing() {
    String text = Knobs.text("balancing", "least-connections");
    return switch (text) {
      case "least-connections" -> NodeChooser.Balancing.LEAST_CONNECTIONS;
      case "random" -> NodeChooser.Balancing.RANDOM;
      default -> throw new IllegalArgumentException("-Dbalancing=" + text + ": use least-connections or random");
    };
  }

  /** Each node's admin API when the simulator is a cluster (nodes without one are left out), else the simulator. */
  private List<ChaosTarget> counters(Optional<List<ClusterView.Node>> cluster, String adminToken) {
    if (cluster.isEmpty()) {
      return List.of(simulator);
    }
    List<ChaosTarget> out = new ArrayList<>();
    for (ClusterView.Node node : cluster.get()) {
      if (node.admin() == null) {
        System.err.println("wschaos: node " + node.index() + " (" + node.ws() + ") serves no admin API: its "
            + "connections are not counted in fleet-connected");
      } else {
        out.add(ChaosTarget.remote(URI.create(node.admin()), adminToken));
      }
    }
    return List.copyOf(out);
  }

  /** The run as the knobs describe it, defaults from the scenario. */
  static ChaosRun fromKnobs(ChaosScenario scenario) {
    ChaosScenario.Injection d = scenario.injection();
    String policyText = Knobs.text("policy", null);
    InjectorShare injector = InjectorShare.parse(Knobs.text("injector", null));
    return new ChaosRun(scenario,
        Knobs.integer("users", d.users()),
        Knobs.duration("ramp", d.ramp()),
        Knobs.duration("duration", d.duration()),
        policyText == null ? scenario.policy() : ReconnectPolicy.parse(policyText),
        Knobs.text("target", "embedded"),
        Knobs.text("admin", null),
        Knobs.text("adminToken", null),
        Knobs.integer("seed", 42),
        injector,
        StartAt.parse(Knobs.text("startAt", null), injector, System.currentTimeMillis()));
  }

  String describe() {
    return String.format("scenario %s (%s, plan %s): %s, %s, run %ds, policy %s, target %s", scenario.name(),
        scenario.status(), scenario.planName(), injector.single() ? users + " users" : injector.describe(totalUsers),
        scenario.injection().atOnce() ? "at once" : "ramp " + ramp.toSeconds() + "s", duration.toSeconds(),
        policy.toJson(), server == null ? String.join(",", nodes) + (simulator == null ? "" : ", "
            + simulator.describe()) : "embedded " + baseUrl);
  }

  /** Where {@code fleet-connected}'s counts come from, in words. */
  private String countedAt() {
    return counters.size() > 1 ? simulator.describe() + ", open connections summed over " + counters.size()
        + " nodes" : simulator.describe();
  }

  private int openConnections() {
    int sum = 0;
    for (ChaosTarget counter : counters) {
      sum += counter.openConnections();
    }
    return sum;
  }

  Duration maxDuration() {
    return duration.plusSeconds(90);
  }

  /** Call from the simulation's {@code before()}: the run's clock starts. */
  /**
   * Call from the simulation's {@code before()}: the run's clock starts, at {@code -DstartAt} when given (waiting
   * for it here, so that Gatling injects from then on).
   */
  void start() {
    long start = startAtMillis > 0 ? startAtMillis : System.currentTimeMillis();
    waitUntil(start);
    endAtMillis = start + duration.toMillis();
    meter = new JvmMeter();
    sampler.scheduleAtFixedRate(meter::sample, 1, 1, TimeUnit.SECONDS);
    long firstSample = Math.max(0, duration.toSeconds() - SAMPLE_SECONDS - 1);
    for (long s = firstSample; s < duration.toSeconds() - 1; s++) {
      sampler.schedule(() -> {
        if (!counters.isEmpty() && simulator != null) {
          samples.add(openConnections());
        }
      }, delayUntil(start + s * 1000), TimeUnit.MILLISECONDS);
    }
    if (!injector.leads()) {
      return;
    }
    Duration arrived = scenario.injection().atOnce() ? Duration.ZERO : ramp;
    for (ChaosScenario.FleetStep step : scenario.fleetSteps()) {
      long at = start + arrived.plus(step.afterRamp()).toMillis();
      sampler.schedule(() -> act(step), delayUntil(at), TimeUnit.MILLISECONDS);
    }
  }

  private static long delayUntil(long epochMillis) {
    return Math.max(0, epochMillis - System.currentTimeMillis());
  }

  private void waitUntil(long epochMillis) {
    long late = System.currentTimeMillis() - epochMillis;
    if (startAtMillis > 0 && late > StartAt.LATE_TOLERANCE_MILLIS) {
      throw new IllegalStateException(String.format("wschaos: %s reached the start %.1f s after -DstartAt=%d, out of "
          + "step with the other injectors: give a start further ahead", injector.single() ? "the run"
          : "injector " + injector.index() + " of " + injector.count(), late / 1000.0, epochMillis));
    }
    if (startAtMillis > 0 && late > 0) {
      System.err.printf("wschaos: %d ms late for -DstartAt=%d: the ramp starts that much late%n", late, epochMillis);
    }
    long wait = delayUntil(epochMillis);
    if (wait == 0) {
      return;
    }
    System.out.printf("wschaos: %s waits %.1f s for -DstartAt=%d%n", injector.single() ? "the run"
        : "injector " + injector.index() + " of " + injector.count(), wait / 1000.0, epochMillis);
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for -DstartAt=" + epochMillis, e);
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
    RunFacts facts = new RunFacts(users, snapshot, simulator == null ? null : countedAt(), List.copyOf(samples),
        reconnects, totalUsers);
    verdict = Verdict.judge(scenario.slos(), facts, List.copyOf(actionErrors));
    String report = report(snapshot);
    System.out.println(report);
    try {
      Path dir = Path.of(System.getProperty("wschaos.reportDir", "target/wschaos"));
      Files.createDirectories(dir);
      String name = scenario.name() + injector.fileSuffix();
      Path verdictFile = dir.resolve(name + "-verdict.txt").toAbsolutePath();
      Files.writeString(verdictFile, report);
      List<Path> files = new ArrayList<>(List.of(verdictFile));
      if (simulator != null) {
        Path base = dir.toAbsolutePath();
        files.add(simulator.writeReconnectReport(base.resolve(name + "-reconnect-report.html")));
        files.add(simulator.writeReconnectReport(base.resolve(name + "-reconnect-report.json")));
      }
      reportFiles = List.copyOf(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String report(ClientLedger.Snapshot c) {
    StringBuilder out = new StringBuilder();
    out.append("\n===== wschaos verdict: ").append(verdict.headline())
        .append(injector.single() ? "" : " (" + injector.describe(totalUsers) + ")").append(" =====\n")
        .append(describe()).append('\n')
        .append(String.format("clients: %d connects, %d failed handshakes, peak %d connected, %d messages, "
                + "%d ticks (%d missed)%n", c.connects(), c.connectFailures(), c.peakConnected(), c.messages(),
            c.ticks(), c.tickerMissed()))
        .append(nodes.size() > 1 ? "connects per node " + client.ledger().connectsPerNode() + "\n" : "")
        .append("disconnects by cause: ").append(c.disconnects()).append('\n')
        .append("give-ups: ").append(c.giveUps()).append('\n')
        .append(String.format("reconnect (noticed -> connected): n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms; "
                + "peak %d attempts/s%n", c.reconnectMillis().size(), c.reconnectPercentile(50),
            c.reconnectPercentile(95), c.reconnectPercentile(99), c.reconnectPercentile(100),
            c.peakAttemptsPerSecond()))
        .append(conversationLine(c))
        .append("simulator: ").append(simulator == null ? "not visible (remote)" : countedAt()
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
