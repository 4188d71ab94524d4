package dev.wschaos.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Holds back the empty first fragments of a fragmented message and gives their type to the first fragment with data.
 * RFC 6455 5.4 allows an empty first fragment, but Vert.x 5.0.10's frame aggregator starts its message from that
 * fragment's empty buffer, cannot append to it, and loses the message. Sits just before Vert.x's handler on every
 * connection; control frames pass through untouched.
 *
 * <pre>
 *   text(fin=0, "") continuation(fin=0, "hel") continuation(fin=1, "lo")
 *   --> text(fin=0, "hel") continuation(fin=1, "lo")
 * </pre>
 */
final class EmptyFragmentMerge extends ChannelInboundHandlerAdapter {

  static final String NAME = "wschaos-empty-fragment-merge";

  private WebSocketFrame pending;

  static void install(ChannelHandlerContext vertxHandler) {
    vertxHandler.pipeline().addBefore(vertxHandler.name(), NAME, new EmptyFragmentMerge());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (pending == null && isEmptyFirstFragment(msg)) {
      pending = (WebSocketFrame) msg;
      return;
    }
    if (pending != null && msg instanceof ContinuationWebSocketFrame next) {
      if (!next.isFinalFragment() && !next.content().isReadable()) {
        next.release();
        return;
      }
      ByteBuf content = next.content().retain();
      boolean fin = next.isFinalFragment();
      next.release();
      WebSocketFrame first = pending instanceof TextWebSocketFrame
          ? new TextWebSocketFrame(fin, pending.rsv(), content)
          : new BinaryWebSocketFrame(fin, pending.rsv(), content);
      pending.release();
      pending = null;
      ctx.fireChannelRead(first);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (pending != null) {
      ReferenceCountUtil.release(pending);
      pending = null;
    }
  }

  private static boolean isEmptyFirstFragment(Object msg) {
    return (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame)
        && !((WebSocketFrame) msg).isFinalFragment() && !((WebSocketFrame) msg).content().isReadable();
  }
}
