package dev.wschaos.simulator.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Vert.x has no public way to close a connection without a close frame or with a RST; its channel does. The only
 * place wschaos reaches below the public Vert.x API.
 *
 * <p>The contexts returned are those of Vert.x's own handler, the last in the pipeline: closing through them skips
 * that handler, which would otherwise turn the close into a graceful one (a WebSocket close frame first).
 */
final class Channels {

  private Channels() {}

  static ChannelHandlerContext of(ServerWebSocket webSocket) {
    return ((WebSocketInternal) webSocket).channelHandlerContext();
  }

  /** The channel of a WebSocket wschaos opened as a client (a proxied connection's upstream side). */
  static ChannelHandlerContext of(WebSocket webSocket) {
    return ((WebSocketInternal) webSocket).channelHandlerContext();
  }

  static ChannelHandlerContext of(HttpConnection connection) {
    return ((ConnectionBase) connection).channelHandlerContext();
  }

  /** Close TCP now, with nothing more written: a FIN, or a RST when {@code reset} (SO_LINGER 0). */
  static void close(ChannelHandlerContext context, boolean reset) {
    if (reset) {
      context.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    }
    context.close();
  }
}
