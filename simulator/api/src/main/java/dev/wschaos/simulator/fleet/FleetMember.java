package dev.wschaos.simulator.fleet;

import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.match.MatchSubject;
import java.util.function.Consumer;

/** An open connection as fleet actions see it: what to select it by, what to show of it, how to act on it. */
public interface FleetMember extends MatchSubject {

  long id();

  /** A snapshot for listings. */
  ConnectionInfo info();

  /** Record that {@code rule} (a fleet action, a timeline step) struck with a fault of {@code type}; on its loop. */
  void faultApplied(String rule, String type);

  /** Run {@code action} on the connection's event loop, if it is still open then. */
  void act(Consumer<LiveConnection> action);
}
