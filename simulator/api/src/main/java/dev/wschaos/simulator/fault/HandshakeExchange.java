package dev.wschaos.simulator.fault;

import java.time.Duration;
import java.util.Map;

/**
 * The server side of one upgrade request, as handshake faults drive it. Exactly one answering call
 * ({@code reject}, {@code hold}, {@code closeTcp}, {@code switchProtocolsOnly}, {@code writeRaw}, {@code accept*}) ends
 * the exchange.
 */
public interface HandshakeExchange {

  UpgradeRequest request();

  /** Answer with an HTTP status, extra headers and a body ({@code null} body: the status's reason phrase). */
  void reject(int status, Map<String, String> headers, String body);

  /** Read the request and never answer; close TCP after {@code limit}, or hold until the client leaves if null. */
  void hold(Duration limit);

  /** Close TCP without any HTTP response: with a FIN, or with a RST when {@code reset}. */
  void closeTcp(boolean reset);

  /**
   * Answer {@code 101 Switching Protocols} with {@code Upgrade}/{@code Connection} and exactly the given headers,
   * then speak no WebSocket: the client is expected to refuse the handshake and close. The server closes TCP after
   * {@code linger} if the client does not.
   */
  void switchProtocolsOnly(Map<String, String> headers, Duration linger);

  /**
   * Write {@code answer} to the client byte for byte, below the HTTP server (nothing added, nothing checked), then
   * speak no HTTP and no WebSocket: whatever the client sends is discarded. TCP is closed right after when
   * {@link RawAnswer#close()}, otherwise when the client leaves or after {@link RawAnswer#LINGER}. The attempt is
   * recorded as refused with {@link RawAnswer#status()} (aborted when 0).
   */
  void writeRaw(RawAnswer answer);

  /** Accept the upgrade as {@link #accept()} does, sending the 101's status line at once and each further line of
   * its head {@code interval} after the one before. */
  void acceptPaced(Duration interval);

  /** Accept the upgrade as a healthy server would. */
  void accept();

  /** Accept the upgrade, announcing {@code subprotocol} (none when null) whatever the client offered. */
  void acceptWithSubprotocol(String subprotocol);

  /** Run {@code action} on this exchange's event loop after {@code delay}. */
  void after(Duration delay, Runnable action);
}
