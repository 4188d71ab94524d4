package dev.wschaos.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.util.ArrayDeque;

/**
 * An outbound handler that holds writes in order and lets a subclass send them at its own pace ({@link #drain}):
 * the shared part of {@link Slicer} and {@link HeadPacer}. A write's promise completes when its last byte is
 * written; what is still queued when the channel goes or the handler leaves is released and failed.
 */
abstract class PacedWriter extends ChannelOutboundHandlerAdapter {

  /** One write waiting its turn. */
  record Pending(ByteBuf bytes, ChannelPromise promise) {}

  final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean draining;
  private final String purpose;

  /** @param purpose what the pacing is for, in the failure of writes left when the connection closes */
  PacedWriter(String purpose) {
    this.purpose = purpose;
  }

  @Override
  public final void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
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

  /**
   * Send some of the queue, then either schedule the next call or call {@link #idle()} when there is nothing left
   * to pace (an empty queue, or a closed channel).
   */
  abstract void drain(ChannelHandlerContext ctx);

  /** The queue is not being drained any more; the next write starts draining again. */
  final void idle() {
    draining = false;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    discard();
  }

  final void discard() {
    for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
      pending.bytes().release();
      pending.promise().tryFailure(new IllegalStateException("connection closed while " + purpose));
    }
  }
}
