package dev.wschaos.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.ServerWebSocket;

/**
 * Vets every client frame before Vert.x's handler (and its frame aggregator) sees it, on every connection. Two cases
 * Netty's decoder lets through and Vert.x 5.0.10 gets wrong:
 * <ul>
 *   <li>a close frame with a code no endpoint may send (above 4999; Netty rejects 0-999, 1004-1006, 1015-2999):
 *   Vert.x would echo it back; it is answered with 1002 Protocol Error and a reason instead (RFC 6455 7.4);</li>
 *   <li>an empty first fragment of a fragmented message (RFC 6455 5.4 allows it): Vert.x's aggregator starts its
 *   message from that fragment's empty buffer, cannot append to it, and loses the message; such fragments are held
 *   back and their type given to the first fragment with data.</li>
 * </ul>
 * Other frames, control frames between fragments included, pass through untouched.
 *
 * <pre>
 *   close(5000)                                     --> close(1002, "close code 5000 is not allowed ...") sent
 *   text(fin=0, "") continuation(fin=0, "hel") continuation(fin=1, "lo")
 *                                                   --> text(fin=0, "hel") continuation(fin=1, "lo")
 * </pre>
 */
final class ClientFrameGuard extends ChannelInboundHandlerAdapter {

  static final String NAME = "wschaos-client-frame-guard";

  private final ServerWebSocket webSocket;
  private WebSocketFrame pendingFirst;

  private ClientFrameGuard(ServerWebSocket webSocket) {
    this.webSocket = webSocket;
  }

  static void install(ChannelHandlerContext vertxHandler, ServerWebSocket webSocket) {
    vertxHandler.pipeline().addBefore(vertxHandler.name(), NAME, new ClientFrameGuard(webSocket));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof CloseWebSocketFrame close && close.statusCode() > 4999) {
      refuse(close);
    } else if (pendingFirst == null && isEmptyFirstFragment(msg)) {
      pendingFirst = (WebSocketFrame) msg;
    } else if (pendingFirst != null && msg instanceof ContinuationWebSocketFrame next) {
      mergeIntoFirst(ctx, next);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (pendingFirst != null) {
      ReferenceCountUtil.release(pendingFirst);
      pendingFirst = null;
    }
  }

  private void refuse(CloseWebSocketFrame close) {
    int code = close.statusCode();
    close.release();
    if (!webSocket.isClosed()) {
      webSocket.close((short) 1002, "close code " + code + " is not allowed (RFC 6455 7.4: 1000-4999)");
    }
  }

  private void mergeIntoFirst(ChannelHandlerContext ctx, ContinuationWebSocketFrame next) {
    if (!next.isFinalFragment() && !next.content().isReadable()) {
      next.release();
      return;
    }
    ByteBuf content = next.content().retain();
    boolean fin = next.isFinalFragment();
    next.release();
    WebSocketFrame first = pendingFirst instanceof TextWebSocketFrame
        ? new TextWebSocketFrame(fin, pendingFirst.rsv(), content)
        : new BinaryWebSocketFrame(fin, pendingFirst.rsv(), content);
    pendingFirst.release();
    pendingFirst = null;
    ctx.fireChannelRead(first);
  }

  private static boolean isEmptyFirstFragment(Object msg) {
    return (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)
        && !((WebSocketFrame) msg).isFinalFragment() && !((WebSocketFrame) msg).content().isReadable();
  }
}
