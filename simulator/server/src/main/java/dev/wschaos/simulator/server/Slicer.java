package dev.wschaos.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Writes every outgoing byte in small chunks with a pause between them, as a slow mobile link or a proxy that
 * forwards whatever it has does: frames reach the client in pieces. First in the pipeline (next to the socket),
 * only on connections a {@code slice} fault struck. Order is kept; each write completes with its last chunk.
 */
final class Slicer extends ChannelOutboundHandlerAdapter {

  static final String NAME = "wschaos-slicer";

  private record Pending(ByteBuf bytes, ChannelPromise promise) {}

  private final int chunkBytes;
  private final long pauseNanos;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean draining;

  Slicer(int chunkBytes, long pauseNanos) {
    this.chunkBytes = chunkBytes;
    this.pauseNanos = pauseNanos;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf bytes)) {
      ctx.write(msg, promise);
      return;
    }
    queue.add(new Pending(bytes, promise));
    if (!draining) {
      draining = true;
      drain(ctx);
    }
  }

  private void drain(ChannelHandlerContext ctx) {
    Pending head = queue.peek();
    if (head == null || !ctx.channel().isActive()) {
      draining = false;
      discard();
      return;
    }
    ByteBuf chunk = head.bytes().readRetainedSlice(Math.min(chunkBytes, head.bytes().readableBytes()));
    if (head.bytes().isReadable()) {
      ctx.writeAndFlush(chunk);
    } else {
      queue.poll();
      ctx.writeAndFlush(chunk).addListener(done -> {
        head.bytes().release();
        if (done.isSuccess()) {
          head.promise().trySuccess();
        } else {
          head.promise().tryFailure(done.cause());
        }
      });
    }
    ctx.executor().schedule(() -> drain(ctx), pauseNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    discard();
  }

  private void discard() {
    for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
      pending.bytes().release();
      pending.promise().tryFailure(new IllegalStateException("connection closed while slicing"));
    }
  }
}
