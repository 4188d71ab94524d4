package dev.wschaos.simulator.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.ServerWebSocket;

/**
 * Refuses a client close frame whose code no endpoint may send (above 4999) with 1002 Protocol Error, as RFC 6455
 * 7.4 asks. Netty's decoder lets every code from 3000 up through, and Vert.x would echo it back. Sits just before
 * Vert.x's handler on every connection.
 *
 * <pre>
 *   socket --> ws decoder (rejects 0-999, 1004-1006, 1015-2999) --> CloseCodeCheck (5000-65535) --> Vert.x handler
 * </pre>
 */
final class CloseCodeCheck extends ChannelInboundHandlerAdapter {

  static final String NAME = "wschaos-close-code-check";

  private final ServerWebSocket webSocket;

  private CloseCodeCheck(ServerWebSocket webSocket) {
    this.webSocket = webSocket;
  }

  static void install(ChannelHandlerContext vertxHandler, ServerWebSocket webSocket) {
    vertxHandler.pipeline().addBefore(vertxHandler.name(), NAME, new CloseCodeCheck(webSocket));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof CloseWebSocketFrame close && close.statusCode() > 4999) {
      int code = close.statusCode();
      ReferenceCountUtil.release(msg);
      if (!webSocket.isClosed()) {
        webSocket.close((short) 1002, "close code " + code + " is not allowed (RFC 6455 7.4: 1000-4999)");
      }
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
