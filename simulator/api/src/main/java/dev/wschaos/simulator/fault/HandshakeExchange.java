package dev.wschaos.simulator.fault;

import java.time.Duration;
import java.util.Map;

/**
 * The server side of one upgrade request, as handshake faults drive it. Exactly one answering call
 * ({@code reject}, {@code hold}, {@code closeTcp}, {@code switchProtocolsOnly}, {@code accept*}) ends the exchange.
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

  /** Accept the upgrade as a healthy server would. */
  void accept();

  /** Accept the upgrade, announcing {@code subprotocol} (none when null) whatever the client offered. */
  void acceptWithSubprotocol(String subprotocol);

  /** Run {@code action} on this exchange's event loop after {@code delay}. */
  void after(Duration delay, Runnable action);
}
