package dev.wschaos.simulator.matrix;

import java.net.URI;
import java.time.Duration;

/**
 * One cell's run: the URL to connect to (its path selects the fault row), what to do once open, how long to wait
 * for the library's final callback, and the simulator's test CA to trust ({@code null} for ws://).
 */
public record Cell(URI url, Step step, Duration timeout, TrustedCa ca) {

  /** The handshake/connect timeout every driver configures where its library has one. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** The keepalive ping interval of libraries that only ping on a schedule (OkHttp). */
  public static final Duration PING_INTERVAL = Duration.ofMillis(500);
}
