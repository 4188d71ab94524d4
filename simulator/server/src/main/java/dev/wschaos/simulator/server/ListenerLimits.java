package dev.wschaos.simulator.server;

import io.netty.channel.ChannelPipeline;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link ServerLimits} on one listener: sizes into its options, a handshake deadline per connection, and the
 * query length check. The deadline ({@link HandshakeDeadline}) is armed on every connection as it is accepted, for
 * the plan's {@code handshake.timeout} when it has one, else the server's, and taken off as soon as a complete
 * request head arrives: a client that sends nothing, or half a request, is closed; a {@code stall} or
 * {@code slow-handshake} fault holds a complete request as long as it likes, and an upgraded WebSocket is never
 * timed out.
 *
 * <p>Vert.x calls {@link HttpServer#connectionHandler} at accept only when cleartext HTTP/2 is off: otherwise its
 * h2c detection waits for the client's first bytes before it makes the HTTP connection. So the listeners speak
 * HTTP/1.1 only (a WebSocket upgrade is HTTP/1.1 in any case).
 *
 * <pre>
 *   TCP accepted --> idle timer (handshake timeout) --> request head complete --> timer removed --> query ok? --> next
 *                          |                                                                         |
 *                          +--> no complete head in time: connection closed                          +--> 414
 * </pre>
 */
public final class ListenerLimits {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerLimits.class);

  private final ServerLimits limits;
  private final Supplier<Duration> planTimeout;

  /** With the server's handshake timeout only. */
  public ListenerLimits(ServerLimits limits) {
    this(limits, () -> null);
  }

  /** {@code planTimeout}: the plan's handshake timeout at each accept, null to keep the server's, zero for none. */
  public ListenerLimits(ServerLimits limits, Supplier<Duration> planTimeout) {
    this.limits = limits;
    this.planTimeout = planTimeout;
  }

  public HttpServerOptions apply(HttpServerOptions options) {
    return options.setMaxInitialLineLength(limits.maxRequestLine()).setMaxHeaderSize(limits.maxHeaderSize())
        .setMaxWebSocketMessageSize(limits.maxMessageSize()).setMaxWebSocketFrameSize(limits.maxFrameSize())
        .setHttp2ClearTextEnabled(false);
  }

  /** Arm the deadline at accept; install its removal and the query check in front of {@code next}. */
  public HttpServer install(HttpServer server, Handler<HttpServerRequest> next) {
    server.connectionHandler(this::arm);
    return server.requestHandler(request -> {
      met(request);
      String query = request.query();
      if (query != null && query.length() > limits.maxQueryLength()) {
        LOG.debug("refused a query of {} characters from {}", query.length(), request.remoteAddress());
        request.response().setStatusCode(414).putHeader("Content-Type", "text/plain; charset=utf-8")
            .putHeader("Connection", "close")
            .end("wschaos: the query has " + query.length() + " characters; at most " + limits.maxQueryLength()
                + " are allowed (--max-query-length)\n");
        return;
      }
      next.handle(request);
    });
  }

  private void arm(HttpConnection connection) {
    Duration fromPlan = planTimeout.get();
    Duration timeout = fromPlan != null ? fromPlan : limits.handshakeTimeout();
    if (!timeout.isZero()) {
      Channels.of(connection).pipeline().addFirst(HandshakeDeadline.NAME, new HandshakeDeadline(timeout.toNanos()));
    }
  }

  private void met(HttpServerRequest request) {
    ChannelPipeline pipeline = Channels.of(request.connection()).pipeline();
    if (pipeline.get(HandshakeDeadline.NAME) != null) {
      pipeline.remove(HandshakeDeadline.NAME);
    }
  }
}
