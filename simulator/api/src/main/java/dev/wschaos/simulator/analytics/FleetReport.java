package dev.wschaos.simulator.analytics;

import java.util.List;

/**
 * The fleet's view: time series, the recovery after each fleet event, and the distribution of reconnect delays.
 */
public record FleetReport(FleetSeries series, List<EventRecovery> recoveries, DelayDistribution delays) {

  public FleetReport {
    recoveries = List.copyOf(recoveries);
  }
}
