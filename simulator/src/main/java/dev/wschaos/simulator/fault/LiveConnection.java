package dev.wschaos.simulator.fault;

import java.time.Duration;
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

  /** Close TCP with no close frame: the client sees 1006. */
  void drop();

  /** Close TCP with a RST (SO_LINGER 0): the client sees a connection reset and 1006. */
  void reset();

  Cancellable schedule(Duration delay, Runnable action);

  Cancellable every(Duration period, Runnable action);

  /** State kept per client across its connections (per connection for anonymous clients). */
  <T> T clientState(Class<T> type, Supplier<T> init);
}
