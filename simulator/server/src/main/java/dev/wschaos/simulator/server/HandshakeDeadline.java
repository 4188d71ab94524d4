package dev.wschaos.simulator.server;

import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes the channel when it is still in the pipeline {@code nanos} after being added: put on a connection as it is
 * accepted, taken off once its request head is complete.
 */
final class HandshakeDeadline extends ChannelHandlerAdapter {

  static final String NAME = "wschaos-handshake-deadline";

  private final long nanos;
  private ScheduledFuture<?> timer;

  HandshakeDeadline(long nanos) {
    this.nanos = nanos;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    timer = ctx.executor().schedule(() -> ctx.channel().close(), nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
