package dev.wschaos.simulator.fleet;

import dev.wschaos.simulator.fault.ConnectionFault;
import java.time.Duration;

/**
 * The live fleet as a {@link FleetAction} drives it: the one port actions apply themselves through. The server's
 * control plane implements it; an action never sees Vert.x or the connections' internals.
 *
 * <pre>{@code
 * public int applyTo(LiveFleet fleet) {
 *   return fleet.strike(new Selection(0.2, null, null), Duration.ofSeconds(5), new DropFault());
 * }
 * }</pre>
 */
public interface LiveFleet {

  /**
   * Strike the open connections {@code selection} picks with {@code fault}, each on its own event loop, all at once
   * or spread evenly over {@code spread} ({@code null} or zero: at once).
   *
   * @return how many connections were picked
   */
  int strike(Selection selection, Duration spread, ConnectionFault fault);

  /**
   * Drop every open connection (FIN, or RST when {@code reset}), stop listening for {@code duration}, then listen
   * again on the same port.
   *
   * @return how many connections were dropped
   */
  int outage(Duration duration, boolean reset);

  /**
   * Strike every open connection with {@code close}, stop listening for {@code down}, then listen again on the same
   * port: a restart of this server.
   *
   * @return how many connections were closed
   */
  int restart(ConnectionFault close, Duration down);
}
