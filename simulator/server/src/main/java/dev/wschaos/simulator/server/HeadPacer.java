package dev.wschaos.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.TimeUnit;

/**
 * Sends an HTTP response head one line at a time, a pause between lines, as a congested proxy trickles it; what
 * follows the head (WebSocket frames) waits its turn, then the pacer leaves the pipeline. Sits right above TLS (or
 * the socket), only on connections a {@code slow-headers} fault struck.
 */
final class HeadPacer extends PacedWriter {

  static final String NAME = "wschaos-head-pacer";

  private final long intervalNanos;
  private boolean headDone;

  private HeadPacer(long intervalNanos) {
    super("pacing the response head");
    this.intervalNanos = intervalNanos;
  }

  static void install(ChannelHandlerContext vertx, long intervalNanos) {
    ChannelPipeline pipeline = vertx.pipeline();
    ChannelHandlerContext tls = pipeline.context(SslHandler.class);
    if (tls == null) {
      pipeline.addFirst(NAME, new HeadPacer(intervalNanos));
    } else {
      pipeline.addAfter(tls.name(), NAME, new HeadPacer(intervalNanos));
    }
  }

  @Override
  void drain(ChannelHandlerContext ctx) {
    while (true) {
      Pending head = queue.peek();
      if (head == null) {
        idle();
        if (headDone) {
          ctx.pipeline().remove(this);
        }
        return;
      }
      if (!ctx.channel().isActive()) {
        idle();
        discard();
        return;
      }
      int eol = headDone ? -1 : head.bytes().indexOf(head.bytes().readerIndex(), head.bytes().writerIndex(),
          (byte) '\n');
      if (eol < 0) {
        queue.poll();
        ctx.writeAndFlush(head.bytes(), head.promise());
        continue;
      }
      int length = eol - head.bytes().readerIndex() + 1;
      ByteBuf line = head.bytes().readRetainedSlice(length);
      if (head.bytes().isReadable()) {
        ctx.writeAndFlush(line);
      } else {
        queue.poll();
        head.bytes().release();
        ctx.writeAndFlush(line, head.promise());
      }
      if (length <= 2) {
        headDone = true;
        continue;
      }
      ctx.executor().schedule(() -> drain(ctx), intervalNanos, TimeUnit.NANOSECONDS);
      return;
    }
  }
}
