package dev.wschaos.simulator.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Swallows chosen client frames before Vert.x sees them, so that it neither answers pings nor reacts to a close.
 * Sits just before Vert.x's handler, only on connections a fault asked it for.
 *
 * <pre>
 *   socket --> ws decoder --> FrameFilter (drop ping? drop close?) --> ClientFrameGuard --> Vert.x handler
 * </pre>
 */
final class FrameFilter extends ChannelDuplexHandler {

  static final String NAME = "wschaos-frame-filter";

  private boolean dropPings;
  private boolean dropClose;

  /** The filter on this connection, installed in front of Vert.x's handler {@code vertxHandler} if absent. */
  static FrameFilter on(ChannelHandlerContext vertxHandler) {
    ChannelPipeline pipeline = vertxHandler.pipeline();
    FrameFilter existing = pipeline.get(FrameFilter.class);
    if (existing != null) {
      return existing;
    }
    FrameFilter filter = new FrameFilter();
    boolean guarded = pipeline.get(ClientFrameGuard.NAME) != null;
    pipeline.addBefore(guarded ? ClientFrameGuard.NAME : vertxHandler.name(), NAME, filter);
    return filter;
  }

  FrameFilter dropPings() {
    dropPings = true;
    return this;
  }

  FrameFilter dropClose() {
    dropClose = true;
    return this;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if ((dropPings && msg instanceof PingWebSocketFrame) || (dropClose && msg instanceof CloseWebSocketFrame)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
