package dev.wschaos.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.TimeUnit;

/**
 * Writes every outgoing byte in small chunks with a pause between them, as a slow mobile link or a proxy that
 * forwards whatever it has does: frames reach the client in pieces. First in the pipeline (next to the socket),
 * only on connections a {@code slice} fault struck. Order is kept; each write completes with its last chunk.
 */
final class Slicer extends PacedWriter {

  static final String NAME = "wschaos-slicer";

  private final int chunkBytes;
  private final long pauseNanos;

  Slicer(int chunkBytes, long pauseNanos) {
    super("slicing");
    this.chunkBytes = chunkBytes;
    this.pauseNanos = pauseNanos;
  }

  @Override
  void drain(ChannelHandlerContext ctx) {
    Pending head = queue.peek();
    if (head == null || !ctx.channel().isActive()) {
      idle();
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
}
