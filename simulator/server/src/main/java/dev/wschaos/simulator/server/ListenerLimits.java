package dev.wschaos.simulator.server;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link ServerLimits} on one listener: sizes into its options, a handshake deadline per connection, and the
 * query length check. The deadline is Vert.x's read-idle timeout, installed on every channel as it is accepted and
 * taken off as soon as a complete request head arrives: a client that sends nothing, or half a request, is closed;
 * a {@code stall} or {@code slow-handshake} fault holds a complete request as long as it likes, and an upgraded
 * WebSocket is never idled out.
 *
 * <pre>
 *   TCP accepted --> idle timer (handshake timeout) --> request head complete --> timer removed --> query ok? --> next
 *                          |                                                                         |
 *                          +--> no complete head in time: connection closed                          +--> 414
 * </pre>
 */
public final class ListenerLimits {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerLimits.class);
  private static final String IDLE = "idle";

  private final ServerLimits limits;

  public ListenerLimits(ServerLimits limits) {
    this.limits = limits;
  }

  public HttpServerOptions apply(HttpServerOptions options) {
    options.setMaxInitialLineLength(limits.maxRequestLine()).setMaxHeaderSize(limits.maxHeaderSize())
        .setMaxWebSocketMessageSize(limits.maxMessageSize()).setMaxWebSocketFrameSize(limits.maxFrameSize());
    if (!limits.handshakeTimeout().isZero()) {
      options.setReadIdleTimeout((int) Math.max(1, limits.handshakeTimeout().toMillis()))
          .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }
    return options;
  }

  /** Install the deadline's removal and the query check in front of {@code next}. */
  public HttpServer install(HttpServer server, Handler<HttpServerRequest> next) {
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

  private void met(HttpServerRequest request) {
    if (limits.handshakeTimeout().isZero()) {
      return;
    }
    ChannelPipeline pipeline = Channels.of(request.connection()).pipeline();
    if (pipeline.get(IDLE) instanceof IdleStateHandler) {
      pipeline.remove(IDLE);
    }
  }
}
