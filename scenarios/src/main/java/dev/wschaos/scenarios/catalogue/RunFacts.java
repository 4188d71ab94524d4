package dev.wschaos.scenarios.catalogue;

import dev.wschaos.scenarios.client.ClientLedger;
import java.util.List;

/**
 * Everything an {@link Slo} may judge: the clients' ledger, and what the simulator saw when it can be asked.
 *
 * @param users the virtual users injected (by this injector, when several share the run)
 * @param clients what the virtual users observed
 * @param simulatorSource where {@code serverOpenConnections} came from, e.g. {@code embedded simulator}; null when the
 *                        simulator cannot be asked (remote target until the control plane exists)
 * @param serverOpenConnections open connections the simulator counted, sampled over the last seconds of steady state
 * @param reconnects the simulator's reconnect analytics at the end of the run; null when it cannot be asked
 * @param fleetUsers the virtual users of every injector together, which the simulator-side counts are judged against
 */
public record RunFacts(int users, ClientLedger.Snapshot clients, String simulatorSource,
                       List<Integer> serverOpenConnections, ReconnectFacts reconnects, int fleetUsers) {

  /** One injector: the fleet is its users. */
  public RunFacts(int users, ClientLedger.Snapshot clients, String simulatorSource,
                  List<Integer> serverOpenConnections, ReconnectFacts reconnects) {
    this(users, clients, simulatorSource, serverOpenConnections, reconnects, users);
  }

  public boolean simulatorVisible() {
    return simulatorSource != null && !serverOpenConnections.isEmpty();
  }
}
