package dev.wschaos.simulator.fault;

import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;

/** An open WebSocket connection, as faults and behaviours drive it. All calls happen on its event loop. */
public interface LiveConnection {

  long id();

  /** The client id, or {@code null} for an anonymous client. */
  String clientId();

  int attempt();

  String path();

  String queryParam(String name);

  boolean isOpen();

  void sendText(String text);

  void sendBinary(byte[] data);

  /** Send a close frame; TCP closes when the client answers, or after the server's close timeout. */
  void close(int code, String reason);

  /**
   * Send a close frame as {@link #close(int, String)}; on a proxied connection {@code upstream} says what the upstream
   * side sees (elsewhere it is ignored).
   */
  default void close(int code, String reason, UpstreamClose upstream) {
    close(code, reason);
  }

  /**
   * Close TCP with a FIN and no close frame, once what was written before has been flushed (waiting at most a short
   * grace for a slow link): the client gets those messages, then sees 1006. Nothing written afterwards goes out.
   */
  void drop();

  /**
   * Close TCP with a RST (SO_LINGER 0) at once: the client sees a connection reset and 1006. Data not yet on the
   * wire is lost, as with a real reset.
   */
  void reset();

  Cancellable schedule(Duration delay, Runnable action);

  Cancellable every(Duration period, Runnable action);

  /** State kept per client across its connections (per connection for anonymous clients). */
  <T> T clientState(Class<T> type, Supplier<T> init);

  // Abilities for faults that change the ongoing flow (stalls, shaping, protocol violations, message faults).

  /** This connection's random source, seeded from the plan's: use it for every draw so runs can be replayed. */
  Random random();

  /**
   * Write bytes straight to the socket, after everything written before, with no framing: for frames no WebSocket
   * library would send. Connections whose rule {@link WritesRawFrames} negotiate no compression extension.
   */
  void writeRaw(byte[] bytes);

  /** Stop reading the socket ({@code false}: nothing the client sends is read or answered) or read again. */
  void reading(boolean on);

  /** Route every later server-to-client message through {@code flow}; {@code null} restores the direct path. */
  void outbound(MessageFlow flow);

  /** Route every later client-to-server message through {@code flow} before the behaviour sees it. */
  void inbound(MessageFlow flow);

  /** Stop answering client pings with pongs, and stop the server's own heartbeat pings. */
  void suppressPings();

  /** Swallow close frames from the client: no close frame back, TCP stays open. */
  void ignoreClientClose();

  /** The conversation this connection speaks, for protocol faults; null when the behaviour is not a conversation. */
  default ConversationPort conversation() {
    return null;
  }

  // Protocol milestones a conversation reports, for the journal and reconnect analytics: a few per connection.

  /** The conversation reached ready: a step marked {@code ready: true} ran (reported once per connection). */
  default void ready() {}

  /**
   * The conversation started feed {@code key} afresh on this connection.
   *
   * @param produced events the client's stream of that feed had produced already (0 for a new feed): a fresh start
   *                 skips them
   * @param resumable whether the conversation has a resume step the client could have used instead
   */
  default void feedStarted(String key, long produced, boolean resumable) {}

  /** The conversation resumed feed {@code key} after sequence number {@code afterSeq}. */
  default void feedResumed(String key, long afterSeq) {}

  /** Cap this connection's throughput in bytes per second per direction; 0 leaves a direction unlimited. */
  void limitBandwidth(long outBytesPerSecond, long inBytesPerSecond);

  /** Write every later byte in chunks of at most {@code chunkBytes}, pausing {@code pause} between chunks. */
  void sliceWrites(int chunkBytes, Duration pause);
}
