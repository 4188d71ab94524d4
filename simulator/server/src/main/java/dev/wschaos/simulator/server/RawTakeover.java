package dev.wschaos.simulator.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * Takes an HTTP connection away from Vert.x for a fault that answers with its own bytes: sits right above TLS (or the
 * socket), swallows everything the client sends so Vert.x never parses it, and gives a context whose writes reach
 * the client untouched by the HTTP encoder. Close and inactivity still travel up to Vert.x, which cleans up.
 */
final class RawTakeover extends ChannelInboundHandlerAdapter {

  static final String NAME = "wschaos-raw";

  private RawTakeover() {}

  /** Install (once) on the pipeline of {@code vertx}, Vert.x's own handler context, and return its context. */
  static ChannelHandlerContext install(ChannelHandlerContext vertx) {
    ChannelPipeline pipeline = vertx.pipeline();
    ChannelHandlerContext existing = pipeline.context(NAME);
    if (existing != null) {
      return existing;
    }
    ChannelHandlerContext tls = pipeline.context(SslHandler.class);
    if (tls == null) {
      pipeline.addFirst(NAME, new RawTakeover());
    } else {
      pipeline.addAfter(tls.name(), NAME, new RawTakeover());
    }
    return pipeline.context(NAME);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
  }
}
