package dev.wschaos.simulator.server;

import dev.wschaos.simulator.engine.ClientTracker;
import dev.wschaos.simulator.engine.RuleBook;
import dev.wschaos.simulator.engine.StrictHandshake;
import dev.wschaos.simulator.fault.HandshakeFault;
import dev.wschaos.simulator.fault.WritesRawFrames;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fleet.AdmissionGate;
import dev.wschaos.simulator.fleet.FleetMember;
import dev.wschaos.simulator.journal.EventSink;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Upstream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.impl.NetServerInternal;
import io.vertx.core.net.impl.ServerID;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket listener, one HTTP server per event loop on one port ({@link ServerSettings#eventLoops()}); each
 * connection lives on the loop that accepted it. Each upgrade request is decided once against the current rule book:
 *
 * <pre>
 *   upgrade --> count attempt --> strict checks --> handshake rule? --> fault answers | accept
 *                                                                                     |
 *                                            connection rule (decided above) armed &lt;--+
 * </pre>
 * An upgrade whose path matches one of the plan's upstreams is proxied: "accept" (healthy, or a fault's delayed
 * accept) first opens the upstream side, and the connection relays to it instead of running the behaviour.
 */
public final class ChaosVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ChaosVerticle.class);

  private static final AtomicInteger RANDOM_PORT_KEYS = new AtomicInteger();
  private static final Duration PORT_RELEASE_TIMEOUT = Duration.ofSeconds(5);

  private final ServerSettings settings;
  private final Supplier<RuleBook> ruleBook;
  private final ClientTracker clients;
  private final Map<Long, ChaosConnection> open = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final List<Context> loops = new ArrayList<>();
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private final AdmissionGate admission = new AdmissionGate();
  private final ListenerLimits limits;
  /** Connections open or being accepted: a slot is taken before admission, so no two loops take the last one. */
  private final AtomicInteger occupied = new AtomicInteger();
  private EventSink events = EventSink.NONE;
  private AttemptCounter shared;
  private ProxyRecorder recorder;
  private volatile int boundPort = -1;
  private volatile boolean stopped;
  private UpstreamConnector upstreams;

  public ChaosVerticle(ServerSettings settings, Supplier<RuleBook> ruleBook, ClientTracker clients) {
    this.settings = settings;
    this.ruleBook = ruleBook;
    this.clients = clients;
    this.limits = new ListenerLimits(settings.limits(), () -> ruleBook.get().handshakePolicy().timeout());
  }

  /** Record proxied sessions into {@code value} while it is on; call before deploying. */
  public ChaosVerticle recorder(ProxyRecorder value) {
    this.recorder = value;
    return this;
  }

  /** Report connection events to {@code sink}; call before deploying. */
  public ChaosVerticle events(EventSink sink) {
    this.events = sink;
    return this;
  }

  /** Take attempt numbers from {@code counter} (shared with other nodes) instead of counting alone; before deploying. */
  public ChaosVerticle attemptCounter(AttemptCounter counter) {
    this.shared = counter;
    return this;
  }

  @Override
  public Future<?> start() {
    upstreams = new UpstreamConnector(vertx);
    loops.add(context);
    for (int i = 1; i < settings.eventLoops(); i++) {
      loops.add(((VertxInternal) vertx).createEventLoopContext());
    }
    // Vert.x shares a random port among the servers that listen on the same negative port
    return listenOn(settings.port() != 0 ? settings.port() : -(1 + RANDOM_PORT_KEYS.getAndIncrement() % 60_000));
  }

  /** One server per event loop on one port: Vert.x spreads the connections across them. */
  private Future<Void> listenOn(int port) {
    List<Future<HttpServer>> listening = new ArrayList<>();
    for (Context loop : loops) {
      listening.add(listenOnLoop(loop, port));
    }
    return Future.all(listening).onSuccess(all -> boundPort = servers.get(0).actualPort()).mapEmpty();
  }

  private Future<HttpServer> listenOnLoop(Context loop, int port) {
    HttpServerOptions options = limits.apply(new HttpServerOptions()
        .setHost(settings.host())
        .setPort(port)
        .setWebSocketClosingTimeout(settings.closeTimeoutSeconds()));
    return Future.<HttpServer>future(p -> loop.runOnContext(v -> limits.install(vertx.createHttpServer(options),
            this::onRequest)
            .listen()
            .onComplete(p)))
        .onSuccess(servers::add);
  }

  /**
   * Stop accepting: the port refuses connections ("connection refused") before anything queued on the event loops
   * after this call has run, and a connection still in its handshake is closed once answered. The WebSocket
   * connections already open are left to the caller: what is queued for them (a restart's close frames) still goes
   * out, and those still open after the close timeout are closed. Completes when the port is free to
   * {@link #listenAgain} on.
   */
  public Future<Void> stopListening() {
    List<HttpServer> closing = List.copyOf(servers);
    servers.removeAll(closing);
    if (closing.isEmpty()) {
      return Future.succeededFuture();
    }
    long graceSeconds = settings.closeTimeoutSeconds() + 1L;
    closing.forEach(server -> server.shutdown(graceSeconds, TimeUnit.SECONDS));
    return portReleased();
  }

  /** Vert.x unbinds the port on its acceptor thread, and a server listening before then would join the old one. */
  private Future<Void> portReleased() {
    Promise<Void> released = Promise.promise();
    awaitPortReleased(released, System.nanoTime() + PORT_RELEASE_TIMEOUT.toNanos());
    return released.future();
  }

  private void awaitPortReleased(Promise<Void> released, long deadlineNanos) {
    if (!portHeld()) {
      released.complete();
    } else if (System.nanoTime() > deadlineNanos) {
      released.fail("port " + boundPort + " still bound " + PORT_RELEASE_TIMEOUT.toSeconds() + " s after closing it");
    } else {
      vertx.setTimer(5, t -> awaitPortReleased(released, deadlineNanos));
    }
  }

  private boolean portHeld() {
    Map<ServerID, NetServerInternal> bound = ((VertxInternal) vertx).sharedTcpServers();
    synchronized (bound) {
      return bound.values().stream().anyMatch(s -> s.actualPort() == boundPort);
    }
  }

  /** Listen again on the port bound at start, on every event loop. */
  public Future<Void> listenAgain() {
    if (!servers.isEmpty() || stopped) {
      return Future.succeededFuture();
    }
    return context == null ? Future.failedFuture("not deployed")
        : Future.<Void>future(p -> context.runOnContext(v -> listenOn(boundPort).onComplete(p)));
  }

  public boolean listening() {
    return !servers.isEmpty();
  }

  /** How many event loops serve the port. */
  public int eventLoops() {
    return settings.eventLoops();
  }

  /** The open connections, for fleet actions and listings. */
  public Collection<? extends FleetMember> members() {
    return open.values().stream().map(ChaosConnection::member).toList();
  }

  /** Close every open connection with 1001 Going Away, wait for them (bounded by the close timeout), then stop. */
  @Override
  public Future<?> stop() {
    stopped = true;
    List<Future<Void>> closing = open.values().stream().map(ChaosConnection::goingAway).toList();
    return Future.join(closing).transform(ignored -> stopListening()).eventually(() -> upstreams.close());
  }

  public int actualPort() {
    return boundPort;
  }

  public int openConnections() {
    return open.size();
  }

  /** The upgrade handling, for other listeners (the TLS lab's wss ports) that serve the same plan. */
  public Handler<HttpServerRequest> requestHandler() {
    return this::onRequest;
  }

  private void onRequest(HttpServerRequest request) {
    request.pause();
    VertxUpgradeRequest upgrade;
    try {
      upgrade = new VertxUpgradeRequest(request);
    } catch (IllegalArgumentException undecodableQuery) {
      refuseUndecodableQuery(request, undecodableQuery);
      return;
    }
    long id = ids.incrementAndGet();
    String host = upgrade.clientId() == null ? upgrade.remoteHost() : null; // a client id is its key alone
    ClientTracker.Attempt local = clients.nextAttempt(upgrade.clientId(), host);
    if (shared == null) {
      decide(id, request, upgrade, local);
      return;
    }
    shared.next(ClientTracker.keyOf(upgrade.clientId(), host)).onComplete(counted -> {
      if (counted.failed()) {
        LOG.warn("shared attempt count of {} failed, counting on this node: {}", upgrade, counted.cause().toString());
      }
      decide(id, request, upgrade, counted.succeeded() ? new ClientTracker.Attempt(local.client(), counted.result())
          : local);
    });
  }

  /** Netty's query decoder throws on a bad percent escape: answer 400 rather than leave the upgrade unanswered. */
  private static void refuseUndecodableQuery(HttpServerRequest request, IllegalArgumentException cause) {
    String reason = "the query string is not valid percent-encoding (RFC 3986 2.1): " + cause.getMessage();
    LOG.warn("refused upgrade {} from {} with 400: {}", request.path(), request.remoteAddress(), reason);
    request.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Connection", "close").end(reason + "\n").onComplete(done -> request.connection().close());
  }

  private void decide(long id, HttpServerRequest request, VertxUpgradeRequest upgrade, ClientTracker.Attempt attempt) {
    upgrade.attempt(attempt.number());
    RuleBook book = ruleBook.get();
    HandshakePolicy policy = book.handshakePolicy();
    if (events.enabled()) {
      events.emit(EventType.UPGRADE_RECEIVED, id, upgrade.clientId(), e -> e.attempt(upgrade.attempt())
          .path(upgrade.path()).remote(upgrade.remoteAddress()).headers(headersThatMatter(request))
          .detail(request.query()));
    }

    StrictHandshake.Verdict verdict = StrictHandshake.check(upgrade, policy.strict(), policy.allowedOrigins());
    if (verdict != null) {
      LOG.warn("refused upgrade {} from {} with {}: {}", upgrade, upgrade.remoteAddress(), verdict.status(),
          String.join("; ", verdict.reasons()));
      rejected(id, upgrade, verdict.status(), String.join("; ", verdict.reasons()), "strict-handshake");
      request.resume();
      request.response().setStatusCode(verdict.status());
      verdict.headers().forEach(request.response()::putHeader);
      request.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(verdict.body());
      return;
    }

    AdmissionGate.Verdict admitted = admission.admit(book.plan().limits(), occupied.getAndIncrement(),
        System.nanoTime());
    if (admitted instanceof AdmissionGate.Refuse refuse) {
      occupied.decrementAndGet();
      rejected(id, upgrade, refuse.status(), refuse.why() + VertxHandshakeExchange.retryAfterNote(refuse.headers()),
          "limits");
      request.resume();
      refuse.headers().forEach(request.response()::putHeader);
      request.response().setStatusCode(refuse.status()).putHeader("Content-Type", "text/plain; charset=utf-8")
          .end(refuse.body());
      return;
    }
    if (admitted instanceof AdmissionGate.Delay delay) {
      vertx.setTimer(Math.max(1, delay.delay().toMillis()),
          t -> answer(id, request, upgrade, attempt, book, book.decide(upgrade)));
      return;
    }
    RuleBook.Decision decision = admitted instanceof AdmissionGate.AcceptAndClose shed
        ? new RuleBook.Decision(null, new RuleBook.Applied<>("capacity-limit", new CloseFault(shed.code(),
            shed.reason()), Rule.of(Match.ANY, new CloseFault(shed.code(), shed.reason()))))
        : book.decide(upgrade);
    answer(id, request, upgrade, attempt, book, decision);
  }

  private void answer(long id, HttpServerRequest request, VertxUpgradeRequest upgrade, ClientTracker.Attempt attempt,
                      RuleBook book, RuleBook.Decision decision) {
    HandshakePolicy policy = book.handshakePolicy();
    Upstream upstream = book.plan().upstreamFor(upgrade.path());
    String refusedBy = decision.handshake() != null ? decision.handshake().label()
        : upstream != null ? "upstream " + upstream.url() : null;
    VertxHandshakeExchange exchange = new VertxHandshakeExchange(vertx, request, upgrade,
        policy.subprotocols().isEmpty() ? book.behaviour().subprotocols() : policy.subprotocols(),
        (webSocket, upstreamSocket) -> opened(id, webSocket, upstreamSocket, upgrade, attempt.client(), book,
            decision),
        outcome -> {
          occupied.decrementAndGet();
          LOG.debug("upgrade {}: {}", upgrade, outcome);
          if (events.enabled()) {
            int status = outcome.startsWith("status ") ? Integer.parseInt(outcome.split(" ")[1]) : 0;
            rejected(id, upgrade, status, outcome, refusedBy);
          }
        });
    if (decision.connection() != null && decision.connection().fault() instanceof WritesRawFrames) {
      exchange.withoutExtensions();
    }
    if (upstream != null) {
      exchange.proxyTo(() -> upstreams.connect(upstream, upgrade));
    }
    if (decision.handshake() == null) {
      exchange.accept();
      return;
    }
    HandshakeFault fault = decision.handshake().fault();
    LOG.debug("upgrade {}: rule '{}' answers with {}", upgrade, decision.handshake().label(), fault);
    if (events.enabled()) {
      events.emit(EventType.FAULT_APPLIED, id, upgrade.clientId(), e -> e.attempt(upgrade.attempt())
          .rule(decision.handshake().label()).fault(fault.type()));
    }
    try {
      fault.apply(exchange);
    } catch (RuntimeException e) {
      LOG.error("fault {} failed on upgrade {}", fault, upgrade, e);
      exchange.reject(500, Map.of(), "wschaos: fault " + fault.type() + " failed: " + e + "\n");
    }
  }

  private void rejected(long id, VertxUpgradeRequest upgrade, int status, String reason, String rule) {
    if (events.enabled()) {
      events.emit(EventType.UPGRADE_REJECTED, id, upgrade.clientId(), event -> {
        event.attempt(upgrade.attempt()).path(upgrade.path()).reason(reason).rule(rule);
        if (status > 0) {
          event.status(status);
        }
      });
    }
  }

  /** Built immutable at once (the journal event keeps it as is, no second copy). */
  @SuppressWarnings("unchecked")
  private static Map<String, String> headersThatMatter(HttpServerRequest request) {
    Map.Entry<String, String>[] found = new Map.Entry[JOURNAL_HEADERS.size()];
    int n = 0;
    for (String name : JOURNAL_HEADERS) {
      String value = request.getHeader(name);
      if (value != null) {
        found[n++] = Map.entry(name, value);
      }
    }
    return n == 0 ? Map.of() : Map.ofEntries(java.util.Arrays.copyOf(found, n));
  }

  private static final List<String> JOURNAL_HEADERS = List.of("User-Agent", "Origin", "Sec-WebSocket-Version",
      "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "X-Client-Id", "X-Forwarded-For", "Last-Event-Id");

  private void opened(long id, ServerWebSocket webSocket, WebSocket upstream, VertxUpgradeRequest upgrade,
                      ClientTracker.ClientRecord client, RuleBook book, RuleBook.Decision decision) {
    ChaosConnection connection = new ChaosConnection(id, vertx, webSocket, upgrade, client, events);
    open.put(id, connection);
    SessionTape tape = upstream == null || recorder == null || !recorder.active() ? null
        : recorder.tape(id, upgrade, book.plan().upstreamFor(upgrade.path()).url(), upstream.subProtocol());
    connection.start(book, decision.connection(), () -> {
      open.remove(id);
      occupied.decrementAndGet();
    }, upstream, tape);
  }
}
