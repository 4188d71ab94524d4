package dev.wschaos.simulator.server;

import java.time.Duration;

/**
 * How the WebSocket listener is set up (as opposed to the plan, which can change while it runs).
 *
 * @param closeTimeout how long the server waits for the client's close frame after sending its own, before closing
 *                     TCP (whole seconds, at least 1)
 * @param limits       what one client may cost: handshake timeout, request sizes, message size
 */
public record ServerSettings(String host, int port, Duration closeTimeout, ServerLimits limits) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  public ServerSettings {
    limits = limits == null ? ServerLimits.defaults() : limits;
  }

  public ServerSettings(String host, int port, Duration closeTimeout) {
    this(host, port, closeTimeout, ServerLimits.defaults());
  }

  public int closeTimeoutSeconds() {
    return (int) Math.max(1, (closeTimeout.toMillis() + 999) / 1000);
  }
}
