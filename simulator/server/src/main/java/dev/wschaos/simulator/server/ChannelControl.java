package dev.wschaos.simulator.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.traffic.ChannelTrafficShapingHandler;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Netty work faults need below Vert.x's WebSocket API, on one open connection: raw bytes, reading on or off,
 * frame filters, shaping handlers, and ending TCP without a close frame.
 *
 * <pre>
 *   Vert.x handler --write--> [FrameFilter] ... [Slicer] [throttle] --> socket
 *   drop:  flush everything written so far --> FIN (after at most FLUSH_GRACE)
 *   reset: RST now; what is not yet on the wire is lost
 * </pre>
 */
final class ChannelControl {

  /** How long a drop waits for earlier writes to reach the socket (a slow or full link) before the FIN anyway. */
  static final Duration FLUSH_GRACE = Duration.ofSeconds(1);

  private final ServerWebSocket webSocket;

  ChannelControl(ServerWebSocket webSocket) {
    this.webSocket = webSocket;
  }

  void writeRaw(byte[] bytes) {
    context().writeAndFlush(Unpooled.wrappedBuffer(bytes));
  }

  void reading(boolean on) {
    context().channel().config().setAutoRead(on);
  }

  /**
   * Refuse client close frames with codes no endpoint may send and hand Vert.x fragmented messages it can aggregate
   * ({@link ClientFrameGuard}).
   */
  void guardClientFrames() {
    ClientFrameGuard.install(context(), webSocket);
  }

  void dropPings() {
    FrameFilter.on(context()).dropPings();
  }

  void dropClientClose() {
    FrameFilter.on(context()).dropClose();
  }

  void limitBandwidth(long outBytesPerSecond, long inBytesPerSecond) {
    context().pipeline().addFirst("wschaos-throttle",
        new ChannelTrafficShapingHandler(outBytesPerSecond, inBytesPerSecond, 50));
  }

  void sliceWrites(int chunkBytes, Duration pause) {
    context().pipeline().addFirst(Slicer.NAME, new Slicer(chunkBytes, pause.toNanos()));
  }

  /** FIN, after everything written before. */
  void drop() {
    finAfterWrites(context());
  }

  /** RST now. */
  void reset() {
    Channels.close(context(), true);
  }

  /**
   * Flush what was written, and close TCP with a FIN once it is on the socket, or after
   * {@link #FLUSH_GRACE} when the link cannot take it: closing at once would discard writes still queued in the
   * pipeline (e.g. the echo of the message that triggered the drop).
   */
  static void finAfterWrites(ChannelHandlerContext context) {
    ChannelFuture flushed = context.writeAndFlush(Unpooled.EMPTY_BUFFER);
    if (flushed.isDone()) {
      Channels.close(context, false);
      return;
    }
    var deadline = context.executor().schedule(() -> Channels.close(context, false), FLUSH_GRACE.toMillis(),
        TimeUnit.MILLISECONDS);
    flushed.addListener(done -> {
      deadline.cancel(false);
      Channels.close(context, false);
    });
  }

  private ChannelHandlerContext context() {
    return Channels.of(webSocket);
  }
}
