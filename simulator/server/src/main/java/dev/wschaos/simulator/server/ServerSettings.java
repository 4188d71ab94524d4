package dev.wschaos.simulator.server;

import java.time.Duration;

/**
 * How the WebSocket listener is set up (as opposed to the plan, which can change while it runs).
 *
 * @param closeTimeout how long the server waits for the client's close frame after sending its own, before closing
 *                     TCP (whole seconds, at least 1)
 * @param limits       what one client may cost: handshake timeout, request sizes, message size
 * @param eventLoops   how many event loops serve the port (at least 1): connections are spread across them
 */
public record ServerSettings(String host, int port, Duration closeTimeout, ServerLimits limits, int eventLoops) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  public ServerSettings {
    limits = limits == null ? ServerLimits.defaults() : limits;
    if (eventLoops < 1) {
      throw new IllegalArgumentException("event loops must be at least 1, not " + eventLoops);
    }
  }

  public ServerSettings(String host, int port, Duration closeTimeout) {
    this(host, port, closeTimeout, ServerLimits.defaults(), 1);
  }

  /** One event loop per core, as Vert.x servers are usually deployed. */
  public static int defaultEventLoops() {
    return Runtime.getRuntime().availableProcessors();
  }

  public int closeTimeoutSeconds() {
    return (int) Math.max(1, (closeTimeout.toMillis() + 999) / 1000);
  }
}
