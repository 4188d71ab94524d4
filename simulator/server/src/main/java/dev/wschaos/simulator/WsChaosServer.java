package dev.wschaos.simulator;

import dev.wschaos.simulator.admin.AdminBackend;
import dev.wschaos.simulator.admin.AdminServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.analytics.AnalyticsSettings;
import dev.wschaos.simulator.analytics.AttemptRecorder;
import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.JournalFeed;
import dev.wschaos.simulator.analytics.ReconnectAnalytics;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.behaviour.TickerBehaviour;
import dev.wschaos.simulator.behaviour.recording.ConversationRecording;
import dev.wschaos.simulator.cluster.ClusterMember;
import dev.wschaos.simulator.cluster.ClusterNode;
import dev.wschaos.simulator.cluster.ClusterSettings;
import dev.wschaos.simulator.cluster.ClusterStatus;
import dev.wschaos.simulator.common.FieldPath;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.control.ControlPlane;
import dev.wschaos.simulator.engine.ClientTracker;
import dev.wschaos.simulator.engine.RuleBook;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.journal.EventHub;
import dev.wschaos.simulator.journal.Journal;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.journal.JsonLinesExport;
import dev.wschaos.simulator.metrics.ChaosMetrics;
import dev.wschaos.simulator.plan.DuplicateRuleException;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.server.ChaosVerticle;
import dev.wschaos.simulator.server.ProxyRecorder;
import dev.wschaos.simulator.server.ServerLimits;
import dev.wschaos.simulator.server.ServerSettings;
import dev.wschaos.simulator.tls.TlsLab;
import dev.wschaos.simulator.tls.TlsSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running wschaos simulator: a WebSocket server that behaves like a healthy service and injects the faults its
 * plan describes. Binds 127.0.0.1 by default. Closing it closes every client with 1001 Going Away.
 *
 * <pre>{@code
 * Plan plan = PlanCatalog.load("flaky-reconnect");
 * try (WsChaosServer server = WsChaosServer.builder().plan(plan).port(0).start()) {
 *   URI url = server.wsUrl("/feed?clientId=c1");   // ws://127.0.0.1:PORT/feed?clientId=c1
 *   // ... drive your client against url ...
 *   server.replacePlan(Plan.healthy());            // takes effect for the next upgrade
 * }
 * }</pre>
 *
 * <p>With {@code .tls(TlsSettings.port(0).allProfiles())} it also serves {@code wss://}: a port whose TLS profile
 * the plan's {@code tls:} section chooses, and one port per fixed profile (see {@link TlsLab}, docs/tls.md).
 */
public final class WsChaosServer implements AdminBackend, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WsChaosServer.class);
  private static final long START_TIMEOUT_SECONDS = 30;
  /** Joining waits for the other nodes' answers, slow on a busy machine. */
  private static final long JOIN_TIMEOUT_SECONDS = 120;

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final ServerSettings settings;
  private final Long fixedSeed;
  private final AtomicReference<RuleBook> ruleBook;
  private final ClientTracker clients;
  private final ChaosVerticle verticle;
  private final String deploymentId;
  private final TlsLab tls;
  /** The latest TLS change, for admin routes that answer once it is in force. */
  private volatile Future<?> tlsSettled = Future.succeededFuture();
  private final EventHub events = new EventHub();
  private final Journal journal;
  private final JsonLinesExport export;
  private final ChaosMetrics metrics;
  private final ControlPlane control;
  private final AdminServer admin;
  private final AttemptRecorder attempts;
  private final ClusterNode cluster;
  private final ProxyRecorder recorder = new ProxyRecorder();
  private final JournalFeed attemptFeed;
  private volatile boolean closed;

  private WsChaosServer(Builder builder) {
    builder.plan.requireValid("'" + builder.plan.name() + "'");
    this.settings = new ServerSettings(builder.host, builder.port, builder.closeTimeout, builder.limits,
        builder.eventLoops);
    this.clients = new ClientTracker(builder.limits.maxClients());
    this.fixedSeed = builder.seed;
    this.ruleBook = new AtomicReference<>(compile(builder.plan));
    this.tls = builder.tls == null ? null : TlsLab.prepare(builder.tls, settings);
    this.ownsVertx = builder.vertx == null;
    VertxOptions vertxOptions = new VertxOptions().setEventLoopPoolSize(
        Math.max(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, builder.eventLoops));
    this.cluster = builder.cluster == null ? null : joinCluster(builder, vertxOptions);
    this.vertx = cluster != null ? cluster.vertx() : ownsVertx ? Vertx.vertx(vertxOptions) : builder.vertx;
    this.verticle = new ChaosVerticle(settings, ruleBook::get, clients);
    if (cluster != null) {
      verticle.attemptCounter(cluster.attempts());
    }
    this.journal = builder.journalSize > 0 ? new Journal(builder.journalSize) : null;
    if (journal != null) {
      events.listen(journal);
    }
    this.export = builder.journalFile == null ? null : new JsonLinesExport(builder.journalFile);
    if (export != null) {
      events.listen(export);
    }
    this.metrics = builder.admin == null ? null
        : new ChaosMetrics(verticle::members, () -> journal == null ? 0 : journal.overflow());
    if (metrics != null) {
      events.listen(metrics);
    }
    this.attempts = !builder.analytics ? null : cluster != null
        ? cluster.shareReconnects(events, this::resumeParam, builder.analyticsSize, JOIN_TIMEOUT_SECONDS)
        : AttemptRecorder.create(builder.analyticsSize);
    // a cluster node feeds one journal feed per node into the merged recorder (ClusterNode#shareReconnects)
    this.attemptFeed = attempts == null || cluster != null ? null : new JournalFeed(attempts, this::resumeParam);
    if (attemptFeed != null) {
      events.listen(attemptFeed);
    }
    verticle.events(events);
    verticle.recorder(recorder);
    if (builder.recordFile != null) {
      recorder.start(builder.recordFile);
    }
    this.control = new ControlPlane(vertx, verticle, ruleBook, this::seedFor, events);
    if (cluster != null) {
      control.routeTimeline(cluster::takeTimelineAction);
    }
    String deployed = null;
    try {
      deployed = vertx.deployVerticle(verticle).await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (tls != null) {
        tls.deploy(vertx, verticle.requestHandler(), () -> ruleBook.get().plan().tls())
            .await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      if (export != null) {
        export.close();
      }
      if (ownsVertx) {
        vertx.close();
      } else if (deployed != null) {
        vertx.undeploy(deployed);
      }
      throw new IllegalStateException("wschaos could not listen on " + settings.host() + ":" + settings.port()
          + (tls == null ? "" : " or its TLS ports " + builder.tls) + ": " + rootMessage(e), e);
    }
    this.deploymentId = deployed;
    control.install(builder.plan);
    if (cluster != null) {
      try {
        cluster.sharePlan(control, change -> {
          control.apply(change);
          applyTls(change.plan());
          LOG.info("wschaos plan is now '{}' (seed {}), from the cluster", change.plan().name(), change.seed());
        }, JOIN_TIMEOUT_SECONDS);
        cluster.shareFleet(control::act, verticle::openConnections, JOIN_TIMEOUT_SECONDS);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    this.admin = builder.admin == null ? null : startAdmin(builder.admin);
    if (cluster != null) {
      cluster.announce(wsUrl(), adminUrl());
    }
    LOG.info("wschaos listening on {} with plan '{}' (seed {})", wsUrl(), plan().name(), seed());
  }

  public static Builder builder() {
    return new Builder();
  }

  private static ClusterNode joinCluster(Builder builder, VertxOptions options) {
    if (builder.vertx != null) {
      throw new IllegalArgumentException("a clustered simulator starts its own Vert.x: drop vertx(..) or cluster(..)");
    }
    try {
      return ClusterNode.join(builder.cluster, options, builder.limits.maxClients(), JOIN_TIMEOUT_SECONDS);
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("a simulator cluster needs io.vertx:vertx-hazelcast on the classpath ("
          + e.getMessage() + " is missing)", e);
    }
  }

  /**
   * This simulator as a node of a cluster, or empty when it was started without {@code cluster(..)}. Fleet actions
   * for every node go through it ({@link #act} acts on this node's clients only):
   *
   * <pre>{@code
   * server.cluster().orElseThrow().act(RollingRestartAction.of(Duration.ofSeconds(5), Duration.ZERO), null);
   * }</pre>
   */
  @Override
  public Optional<ClusterNode> cluster() {
    return Optional.ofNullable(cluster);
  }

  /** Start on 127.0.0.1 and a free port with {@code plan}. */
  public static WsChaosServer start(Plan plan) {
    return builder().plan(plan).start();
  }

  /** The plan in force (without the temporary rules and limits its timeline may have put on top). */
  @Override
  public Plan plan() {
    return control.plan();
  }

  /** The seed probabilities draw from: the builder's, else the plan's, else one chosen at random and logged. */
  @Override
  public long seed() {
    return ruleBook.get().seed();
  }

  public String host() {
    return settings.host();
  }

  public int port() {
    return verticle.actualPort();
  }

  /** {@code ws://host:port/}. */
  @Override
  public URI wsUrl() {
    return wsUrl("/");
  }

  @Override
  public Optional<String> tlsCaPem() {
    return tls == null ? Optional.empty() : Optional.of(tls.caPem());
  }

  @Override
  public List<URI> nodeUrls() {
    if (cluster == null) {
      return List.of(wsUrl());
    }
    ClusterStatus status;
    try {
      status = cluster.status().await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the cluster did not list its nodes within " + START_TIMEOUT_SECONDS + " s", e);
    }
    return status.nodes().stream().map(ClusterMember::urls).filter(Objects::nonNull).map(ClusterMember.Urls::ws)
        .filter(Objects::nonNull).map(URI::create).toList();
  }

  @Override
  public String describe() {
    return "embedded simulator " + wsUrl();
  }

  /** {@code ws://host:port} followed by {@code pathAndQuery}, e.g. {@code "/feed?clientId=c1"}. */
  public URI wsUrl(String pathAndQuery) {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    String suffix = pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
    return URI.create("ws://" + host + ":" + port() + suffix);
  }

  /** The TLS lab: its ports, URLs and certificates. @throws IllegalStateException when started without TLS */
  public TlsLab tls() {
    if (tls == null) {
      throw new IllegalStateException("wschaos was started without TLS: use builder().tls(TlsSettings...)");
    }
    return tls;
  }

  /** The test root CA as PEM, for clients to trust. @throws IllegalStateException when started without TLS */
  public String caPem() {
    return tls().caPem();
  }

  /** {@code wss://host:port} of the plan's TLS port followed by {@code pathAndQuery}. */
  public URI wssUrl(String pathAndQuery) {
    return tls().wssUrl(pathAndQuery);
  }

  /** Present {@code profile} on the plan's wss port from the next handshake on (SNI host names kept). */
  @Override
  public void switchTlsProfile(TlsProfile profile) {
    Objects.requireNonNull(profile, "profile");
    applyTls(control.edit(plan -> plan.withTls(plan.tls().withProfile(profile))));
  }

  /**
   * Put {@code policy} in place of the plan's {@code tls:} section, as an edit like {@link #addRule} (the timeline,
   * rules, limits and seed stay); the wss port presents it from the next handshake on.
   *
   * @throws InvalidPlanException listing every problem ({@code tls.profile}, ...); nothing changed
   */
  @Override
  public void replaceTls(TlsPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    applyTls(control.edit(plan -> plan.withTls(policy)));
  }

  /**
   * Put {@code limits} in place of the plan's {@code limits:} section ({@code null}: no limits), as an edit like
   * {@link #addRule}: the next upgrade is decided under them; a timeline's temporary limits still win while in force.
   *
   * @throws InvalidPlanException listing every problem ({@code limits.maxConnections}, ...); nothing changed
   */
  @Override
  public void replaceLimits(Limits limits) {
    control.edit(plan -> plan.withLimits(limits));
  }

  /**
   * Put {@code policy} in place of the plan's {@code handshake:} section, as an edit like {@link #addRule} (the
   * timeline, rules, limits and seed stay): upgrades are checked under it from the next one on, and its
   * {@code timeout} applies to connections accepted from then on.
   *
   * <pre>{@code
   * server.replaceHandshake(server.plan().handshake().withTimeout(Duration.ZERO));   // no handshake timeout
   * }</pre>
   *
   * @throws InvalidPlanException listing every problem ({@code handshake.timeout}, ...); nothing changed
   */
  @Override
  public void replaceHandshake(HandshakePolicy policy) {
    Objects.requireNonNull(policy, "policy");
    control.edit(plan -> plan.withHandshake(policy));
  }

  /** When the plan in force was installed: its timeline's offsets count from here. */
  @Override
  public Instant planStartedAt() {
    return control.startedAt();
  }

  @Override
  public int openConnections() {
    return verticle.openConnections();
  }

  /**
   * Replace the plan; the next upgrade is decided by the new one, open connections keep the rules they were given.
   *
   * @throws InvalidPlanException listing every problem; the running plan stays in force
   */
  @Override
  public void replacePlan(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    plan.requireValid("'" + plan.name() + "'");
    control.install(plan);
    applyTls(plan);
    LOG.info("wschaos plan is now '{}' (seed {})", plan.name(), seed());
  }

  /**
   * Add {@code rule} after the plan's other rules, as an edit: nothing restarts. The plan's timeline keeps running
   * (its steps fire at their offsets from the plan's start, its temporary rules and limits stay in force) and the seed
   * stays; open connections keep the rules they were given. A rule without a name gets one ({@code rule-1}, ...).
   * Only {@link #replacePlan} starts a plan afresh.
   *
   * <pre>{@code
   * Rule added = server.addRule(Rule.of(Match.ANY, Trigger.afterMessages(3), new CloseFault(1011, "boom")));
   * server.putRule(added.withFault(CloseFault.of(1012)));   // replaced where it stands
   * server.removeRule(added.name());
   * }</pre>
   *
   * @return the rule as added, with its name
   * @throws InvalidPlanException listing every problem with the rule (fields relative to it); nothing changed
   * @throws DuplicateRuleException when a rule already has that name; nothing changed
   */
  @Override
  public Rule addRule(Rule rule) {
    return addRule(rule, Integer.MAX_VALUE);
  }

  /** {@link #addRule(Rule)} at {@code position} in the plan's rules (0: first, so it wins over the others). */
  @Override
  public Rule addRule(Rule rule, int position) {
    requireValid(rule);
    Rule[] added = {rule};
    control.edit(plan -> {
      added[0] = rule.name() != null ? rule : rule.named(plan.freeRuleName("rule-", plan.rules().size() + 1));
      return plan.withRuleAdded(added[0], position);
    });
    LOG.info("wschaos rule '{}' added", added[0].name());
    return added[0];
  }

  /**
   * Replace the rule of the same name where it stands, or add {@code rule} after the others when there is none; an
   * edit like {@link #addRule}.
   *
   * @return true when a rule was replaced, false when {@code rule} was added
   * @throws InvalidPlanException listing every problem with the rule (a name is needed); nothing changed
   */
  @Override
  public boolean putRule(Rule rule) {
    requireValid(rule);
    if (rule.name() == null) {
      throw new InvalidPlanException("rule", List.of(new PlanProblem(FieldPath.ROOT.field("name"),
          "a rule put by name needs a name", null)));
    }
    boolean[] replaced = {false};
    control.edit(plan -> {
      replaced[0] = plan.findRule(rule.name()).isPresent();
      return plan.withRulePut(rule);
    });
    LOG.info("wschaos rule '{}' {}", rule.name(), replaced[0] ? "replaced" : "added");
    return replaced[0];
  }

  /** Remove the rule named {@code name}, as an edit like {@link #addRule}. @return false when there is none */
  @Override
  public boolean removeRule(String name) {
    Objects.requireNonNull(name, "name");
    boolean[] removed = {false};
    control.edit(plan -> {
      Plan next = plan.withoutRule(name);
      removed[0] = next != plan;
      return next;
    });
    if (removed[0]) {
      LOG.info("wschaos rule '{}' removed", name);
    }
    return removed[0];
  }

  /**
   * Replace the plan's behaviour, keeping its rules, as an edit like {@link #addRule}: connections opened from now on
   * get it, open ones keep theirs.
   *
   * @throws InvalidPlanException listing every problem (e.g. a template with an unknown variable); nothing changed
   */
  @Override
  public void replaceBehaviour(Behaviour behaviour) {
    Objects.requireNonNull(behaviour, "behaviour");
    control.edit(plan -> plan.withBehaviour(behaviour));
    LOG.info("wschaos behaviour is now {}", behaviour.getClass().getSimpleName());
  }

  /** Remove every rule of the plan, as an edit like {@link #addRule}: the timeline and its temporary rules stay. */
  @Override
  public void clearRules() {
    control.edit(plan -> plan.rules().isEmpty() ? plan : plan.withRules(List.of()));
    LOG.info("wschaos rules cleared");
  }

  private static void requireValid(Rule rule) {
    Objects.requireNonNull(rule, "rule");
    List<PlanProblem> problems = rule.validate();
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(rule.name() == null ? "rule" : "rule '" + rule.name() + "'", problems);
    }
  }

  /**
   * Run a fleet action now: close, drop or reset a share of the open connections (optionally spread over a window),
   * or an outage.
   *
   * <pre>{@code
   * server.act(CloseAction.all(1012, "rolling restart").spreadOver(Duration.ofSeconds(2)));
   * server.act(OutageAction.lasting(Duration.ofSeconds(15)));
   * }</pre>
   *
   * @throws InvalidPlanException when the action is invalid (nothing is done)
   */
  @Override
  public ActionResult act(FleetAction action) {
    return control.act(action);
  }

  /** The open connections, oldest first. */
  @Override
  public List<ConnectionInfo> connections() {
    return verticle.members().stream().map(m -> m.info())
        .sorted(Comparator.comparingLong(ConnectionInfo::id)).toList();
  }

  /** Whether the WebSocket port listens (false during an outage). */
  @Override
  public boolean listening() {
    return verticle.listening();
  }

  /**
   * The in-memory event journal, or {@code null} when it was turned off with {@code journalSize(0)}.
   *
   * <pre>{@code
   * List<JournalEvent> closed = server.journal().query(JournalQuery.all().types(Set.of(EventType.CLOSED))).events();
   * }</pre>
   */
  @Override
  public Journal journal() {
    return journal;
  }

  /** Every event as it happens, numbered: add listeners (they run on event loops and must not block). */
  @Override
  public EventHub events() {
    return events;
  }

  /** The Prometheus metrics, or {@code null} when there is no admin port. */
  @Override
  public ChaosMetrics metrics() {
    return metrics;
  }

  /** {@code http://host:port} of the admin API, or {@code null} when it is off. */
  public URI adminUrl() {
    return admin == null ? null : admin.url();
  }

  /** Back to a fresh start: the healthy plan, an empty journal, no attempt counts, no reconnect history. */
  @Override
  public void reset() {
    replacePlan(Plan.healthy());
    if (journal != null) {
      journal.clear();
    }
    if (cluster != null) {
      cluster.clearReconnects();
    } else if (attempts != null) {
      attempts.clear();
    }
    forgetClients();
  }

  /**
   * How the clients reconnected so far: per client the attempt timeline, the classified backoff and policy findings;
   * for the fleet the time series and the recovery after each fleet event. Checks use {@link #analyticsSettings()}.
   *
   * <pre>{@code
   * ReconnectReport report = server.reconnectReport();
   * report.clients().forEach(c -> System.out.println(c.client() + ": " + c.backoff().summary()));
   * }</pre>
   *
   * @throws IllegalStateException when analytics were turned off with {@code analytics(false)}
   */
  @Override
  public ReconnectReport reconnectReport() {
    return reconnectReport(analyticsSettings());
  }

  /**
   * The settings {@link #reconnectReport()} uses for the plan in force: defaults, expecting resumes when the
   * behaviour is a ticker, and judging close codes by the conversation's {@code closeCodes} convention (the
   * {@code graphql-ws} and {@code stomp} packs name theirs).
   */
  public AnalyticsSettings analyticsSettings() {
    Behaviour behaviour = plan().behaviour();
    return AnalyticsSettings.builder()
        .expectResume(behaviour instanceof TickerBehaviour)
        .closeCodes(behaviour instanceof ConversationBehaviour conversation ? conversation.closeCodes() : null)
        .build();
  }

  /** {@link #reconnectReport()} with settings of your choosing (terminal codes, recovery window, minimum delay). */
  public ReconnectReport reconnectReport(AnalyticsSettings settings) {
    if (attempts == null) {
      throw new IllegalStateException("reconnect analytics are off for this server (builder analytics(false))");
    }
    return ReconnectAnalytics.analyze(attempts.snapshot(), settings);
  }

  /** One client's reconnect analysis so far; empty when it never made an attempt (or analytics are off). */
  @Override
  public Optional<ClientReport> client(String clientId) {
    return attempts == null ? Optional.empty() : reconnectReport().client(clientId);
  }

  /**
   * What the server holds now for its clients, each against its bound: for soak tests and leak hunts.
   *
   * <pre>{@code
   * WsChaosServer.Footprint f = server.footprint();
   * assertThat(f.rememberedClients()).isLessThanOrEqualTo(f.clientCapacity());
   * }</pre>
   */
  public Footprint footprint() {
    return new Footprint(verticle.openConnections(), clients.size(), clients.capacity(), clients.evicted(),
        journal == null ? 0 : journal.size(), journal == null ? 0 : journal.capacity(),
        attempts == null ? 0 : attempts.size(), attempts == null ? 0 : attempts.capacity(),
        attemptFeed == null ? 0 : attemptFeed.following());
  }

  /**
   * Sizes of the server's per-client state, see {@link #footprint()}.
   *
   * @param openConnections   connections open now
   * @param rememberedClients clients whose attempt count and behaviour state are kept ({@code --max-clients})
   * @param clientCapacity    the most that are kept
   * @param clientsEvicted    clients forgotten so far to stay within it
   * @param journalEvents     events in the in-memory journal ({@code --journal-size} at most)
   * @param journalCapacity   the journal's capacity (0: off)
   * @param analyticsAttempts attempts held for reconnect analytics
   * @param analyticsCapacity the most held (0: analytics off)
   * @param analyticsFollowing connections the analytics follow from upgrade to end
   */
  public record Footprint(int openConnections, int rememberedClients, int clientCapacity, long clientsEvicted,
                          int journalEvents, int journalCapacity, int analyticsAttempts, int analyticsCapacity,
                          int analyticsFollowing) {}

  /** Calls {@code wakeUp} on every journal event, until the returned handle is closed. */
  @Override
  public AutoCloseable onChange(Runnable wakeUp) {
    Consumer<JournalEvent> listener = event -> wakeUp.run();
    events.listen(listener);
    return () -> events.unlisten(listener);
  }


  private String resumeParam() {
    return ruleBook.get().behaviour() instanceof TickerBehaviour ticker ? ticker.resumeParam() : "lastSeq";
  }

  /**
   * Start recording proxied sessions (those opened from now on) into a {@code conversation} plan, forgetting what an
   * earlier recording kept; {@code file} (or null) is where {@link #stopRecording()} and {@link #close()} write it.
   * See docs/proxy.md.
   *
   * <pre>{@code
   * server.startRecording(Path.of("chat-recorded.yaml"));
   * // ... drive clients through the proxy ...
   * Plan replay = server.stopRecording().plan();    // also written to chat-recorded.yaml
   * }</pre>
   */
  public void startRecording(Path file) {
    recorder.start(file);
  }

  /**
   * Stop recording and return the plan; it is written to the recording's file, if it has one.
   *
   * @throws IllegalStateException when no recording is on
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public ConversationRecording stopRecording() {
    return recorder.stop();
  }

  /** The recording so far (sessions still open included), whether or not it is still on. */
  public ConversationRecording recording() {
    return recorder.snapshot();
  }

  /** The recorder of proxied sessions ({@link #startRecording}, {@link #stopRecording}, {@link #recording}). */
  @Override
  public ProxyRecorder recorder() {
    return recorder;
  }

  /** Forget every client's attempt count and state, as if none had connected yet. */
  @Override
  public void forgetClients() {
    clients.clear();
    if (cluster != null) {
      cluster.forgetAttempts();
    }
  }

  /** Close every client with 1001 Going Away (waiting at most the close timeout), then stop listening. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    long waitSeconds = settings.closeTimeoutSeconds() + 5L;
    control.close();
    if (cluster != null) {
      cluster.close();
    }
    if (admin != null) {
      admin.close();
    }
    try {
      vertx.undeploy(deploymentId).await(waitSeconds, TimeUnit.SECONDS);
      if (tls != null) {
        tls.undeploy(vertx).await(waitSeconds, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.warn("wschaos did not stop cleanly: {}", rootMessage(e));
    } finally {
      writeRecording();
      if (export != null) {
        export.close();
      }
      if (ownsVertx) {
        try {
          vertx.close().await(waitSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
          LOG.warn("wschaos: Vert.x did not close cleanly: {}", rootMessage(e));
        }
      }
    }
  }

  private void writeRecording() {
    if (recorder.active() && recorder.file().isPresent()) {
      try {
        ConversationRecording recording = recorder.stop();
        LOG.info("wschaos recording of {} proxied sessions written to {}", recording.sessions(),
            recorder.file().get().toAbsolutePath());
      } catch (RuntimeException e) {
        LOG.warn("wschaos: the recording was not written: {}", rootMessage(e));
      }
    }
  }

  /** Off a Vert.x thread, waits until the TLS listener uses the new options, so the next handshake sees them. */
  private void applyTls(Plan plan) {
    if (tls == null) {
      return;
    }
    Future<Boolean> applied = tls.apply(plan.tls());
    tlsSettled = applied;
    if (!Context.isOnVertxThread()) {
      try {
        applied.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("wschaos: TLS profile of plan '{}' not applied: {}", plan.name(), rootMessage(e));
      }
    }
  }

  @Override
  public Future<?> tlsSettled() {
    return tlsSettled;
  }

  private RuleBook compile(Plan plan) {
    return RuleBook.compile(plan, seedFor(plan));
  }

  private long seedFor(Plan plan) {
    return fixedSeed != null ? fixedSeed : plan.seed() != null ? plan.seed() : new SecureRandom().nextLong();
  }

  private AdminServer startAdmin(AdminSettings adminSettings) {
    try {
      return AdminServer.start(vertx, adminSettings, this);
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException("wschaos admin API could not listen on " + adminSettings.host() + ":"
          + adminSettings.port() + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  /** Sets up a {@link WsChaosServer}. */
  public static final class Builder {
    private Plan plan = Plan.healthy();
    private String host = ServerSettings.DEFAULT_HOST;
    private int port;
    private Long seed;
    private Duration closeTimeout = ServerSettings.DEFAULT_CLOSE_TIMEOUT;
    private ServerLimits limits = ServerLimits.defaults();
    private int eventLoops = ServerSettings.defaultEventLoops();
    private Vertx vertx;
    private TlsSettings tls;
    private int journalSize = Journal.DEFAULT_CAPACITY;
    private Path journalFile;
    private AdminSettings admin;
    private boolean analytics = true;
    private ClusterSettings cluster;
    private Path recordFile;
    private int analyticsSize = AttemptRecorder.DEFAULT_CAPACITY;

    private Builder() {}

    /**
     * Join a cluster of simulators (needs {@code io.vertx:vertx-hazelcast}): one plan for every node, changed from
     * any node's admin API, and attempt numbers counted across nodes; each node serves its own ports, connections,
     * journal and analytics (docs/cluster.md). {@code null}: alone, the default.
     *
     * <pre>{@code
     * WsChaosServer node = WsChaosServer.builder().cluster(ClusterSettings.loopback()).adminPort(0).start();
     * }</pre>
     */
    public Builder cluster(ClusterSettings value) {
      this.cluster = value;
      return this;
    }

    /**
     * Record proxied sessions from the start into a {@code conversation} plan written to {@code file} when the
     * server stops (or {@link WsChaosServer#stopRecording()} is called). See docs/proxy.md.
     *
     * <pre>{@code
     * WsChaosServer proxy = WsChaosServer.builder().plan(proxyPlan).record(Path.of("recorded.yaml")).start();
     * }</pre>
     */
    public Builder record(Path file) {
      this.recordFile = file;
      return this;
    }

    /** How many events the in-memory journal keeps (default 100,000; 0 turns it off). */
    public Builder journalSize(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("journal size cannot be negative");
      }
      this.journalSize = value;
      return this;
    }

    /** Also write every event as a JSON line to {@code file} (replaced if it exists). */
    public Builder journalFile(Path file) {
      this.journalFile = file;
      return this;
    }

    /** How many attempts reconnect analytics keep (default 100,000); past that the oldest is forgotten. */
    public Builder analyticsSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("analytics size " + value + " is too small: at least 1");
      }
      this.analyticsSize = value;
      return this;
    }

    /** Keep each client's attempts for {@link WsChaosServer#reconnectReport()} (default true). */
    public Builder analytics(boolean value) {
      this.analytics = value;
      return this;
    }

    /** Serve the admin API (and metrics) on 127.0.0.1:{@code port} (0: a free port), without a token. */
    public Builder adminPort(int port) {
      return admin(AdminSettings.loopback(port));
    }

    /** Serve the admin API with these settings ({@code null}: no admin API, the default). */
    public Builder admin(AdminSettings value) {
      this.admin = value;
      return this;
    }

    public Builder plan(Plan value) {
      this.plan = Objects.requireNonNull(value, "plan");
      return this;
    }

    /** The address to bind; 127.0.0.1 unless you mean to expose the simulator. */
    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host");
      return this;
    }

    /** The port; 0 (default) picks a free one. */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port " + value + " is out of range 0-65535");
      }
      this.port = value;
      return this;
    }

    /** Overrides the plan's seed, for this and every later plan. */
    public Builder seed(Long value) {
      this.seed = value;
      return this;
    }

    /** How long to wait for a client's close frame after sending ours (whole seconds, default 5 s). */
    /** What one client may cost: handshake timeout, request line/header/query sizes, message size. */
    public Builder limits(ServerLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    public Builder closeTimeout(Duration value) {
      this.closeTimeout = Objects.requireNonNull(value, "closeTimeout");
      return this;
    }

    /**
     * How many event loops serve the WebSocket port (default: one per core): connections are spread across them, and
     * each connection stays on the loop that accepted it. Attempt counts, limits, fleet actions, the journal and the
     * analytics are shared by all loops.
     *
     * <pre>{@code
     * WsChaosServer server = WsChaosServer.builder().eventLoops(4).plan(plan).start();
     * }</pre>
     */
    public Builder eventLoops(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("event loops must be at least 1, not " + value);
      }
      this.eventLoops = value;
      return this;
    }

    /** Run on this Vert.x instance (not closed by the server) instead of one of its own. */
    public Builder vertx(Vertx value) {
      this.vertx = value;
      return this;
    }

    /** Also serve {@code wss://}: the TLS fault lab (null: no TLS, the default). */
    public Builder tls(TlsSettings value) {
      this.tls = value;
      return this;
    }

    /**
     * @throws InvalidPlanException when the plan is invalid
     * @throws IllegalArgumentException when the TLS settings are invalid (conflicting ports, unwritable CA directory)
     * @throws IllegalStateException when the server cannot listen
     */
    public WsChaosServer start() {
      return new WsChaosServer(this);
    }
  }
}
