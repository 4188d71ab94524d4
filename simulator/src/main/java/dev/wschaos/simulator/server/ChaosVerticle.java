package dev.wschaos.simulator.server;

import dev.wschaos.simulator.engine.ClientTracker;
import dev.wschaos.simulator.engine.RuleBook;
import dev.wschaos.simulator.engine.StrictHandshake;
import dev.wschaos.simulator.fault.HandshakeFault;
import dev.wschaos.simulator.fault.WritesRawFrames;
import dev.wschaos.simulator.plan.HandshakePolicy;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket listener. Each upgrade request is decided once against the current rule book:
 *
 * <pre>
 *   upgrade --> count attempt --> strict checks --> handshake rule? --> fault answers | accept
 *                                                                                     |
 *                                            connection rule (decided above) armed <--+
 * </pre>
 */
public final class ChaosVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ChaosVerticle.class);

  private final ServerSettings settings;
  private final Supplier<RuleBook> ruleBook;
  private final ClientTracker clients;
  private final Map<Long, ChaosConnection> open = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicReference<HttpServer> server = new AtomicReference<>();

  public ChaosVerticle(ServerSettings settings, Supplier<RuleBook> ruleBook, ClientTracker clients) {
    this.settings = settings;
    this.ruleBook = ruleBook;
    this.clients = clients;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(settings.host())
        .setPort(settings.port())
        .setWebSocketClosingTimeout(settings.closeTimeoutSeconds());
    return vertx.createHttpServer(options)
        .requestHandler(this::onRequest)
        .listen()
        .onSuccess(server::set);
  }

  /** Close every open connection with 1001 Going Away, wait for them (bounded by the close timeout), then stop. */
  @Override
  public Future<?> stop() {
    List<Future<Void>> closing = open.values().stream().map(ChaosConnection::goingAway).toList();
    return Future.join(closing)
        .transform(ignored -> server.get() == null ? Future.succeededFuture() : server.get().close());
  }

  public int actualPort() {
    HttpServer s = server.get();
    return s == null ? -1 : s.actualPort();
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
    VertxUpgradeRequest upgrade = new VertxUpgradeRequest(request);
    ClientTracker.Attempt attempt = clients.nextAttempt(upgrade.clientId(), upgrade.remoteHost());
    upgrade.attempt(attempt.number());
    RuleBook book = ruleBook.get();
    HandshakePolicy policy = book.handshakePolicy();

    StrictHandshake.Verdict verdict = StrictHandshake.check(upgrade, policy.strict(), policy.allowedOrigins());
    if (verdict != null) {
      LOG.warn("refused upgrade {} from {} with {}: {}", upgrade, upgrade.remoteAddress(), verdict.status(),
          String.join("; ", verdict.reasons()));
      request.resume();
      request.response().setStatusCode(verdict.status());
      verdict.headers().forEach(request.response()::putHeader);
      request.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(verdict.body());
      return;
    }

    RuleBook.Decision decision = book.decide(upgrade);
    VertxHandshakeExchange exchange = new VertxHandshakeExchange(vertx, request, upgrade, policy.subprotocols(),
        webSocket -> opened(webSocket, upgrade, attempt.client(), book, decision),
        outcome -> LOG.debug("upgrade {}: {}", upgrade, outcome));
    if (decision.connection() != null && decision.connection().fault() instanceof WritesRawFrames) {
      exchange.withoutExtensions();
    }
    if (decision.handshake() == null) {
      exchange.accept();
      return;
    }
    HandshakeFault fault = decision.handshake().fault();
    LOG.debug("upgrade {}: rule '{}' answers with {}", upgrade, decision.handshake().label(), fault);
    try {
      fault.apply(exchange);
    } catch (RuntimeException e) {
      LOG.error("fault {} failed on upgrade {}", fault, upgrade, e);
      exchange.reject(500, Map.of(), "wschaos: fault " + fault.type() + " failed: " + e + "\n");
    }
  }

  private void opened(ServerWebSocket webSocket, VertxUpgradeRequest upgrade, ClientTracker.ClientRecord client,
                      RuleBook book, RuleBook.Decision decision) {
    long id = ids.incrementAndGet();
    ChaosConnection connection = new ChaosConnection(id, vertx, webSocket, upgrade, client);
    open.put(id, connection);
    connection.start(book, decision.connection(), () -> open.remove(id));
  }
}
