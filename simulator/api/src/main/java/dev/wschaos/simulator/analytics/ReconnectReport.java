package dev.wschaos.simulator.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reconnect analytics report: what {@link ReconnectAnalytics#analyze} returns, what {@link ReportJson} writes
 * and {@link HtmlReport} renders.
 *
 * <pre>{@code
 * ReconnectReport report = ReconnectAnalytics.analyze(recorder.snapshot(), AnalyticsSettings.defaults());
 * report.client("c1").orElseThrow().backoff().kind();   // BackoffKind.CAPPED_EXPONENTIAL
 * report.findings();                                    // every failed check of every client
 * }</pre>
 *
 * @param generatedAt when the report was made
 * @param startedAt wall clock start of the recording
 * @param lengthMillis length of the recording
 * @param settings the settings used
 * @param summary headline figures
 * @param fleet time series, recoveries and delay distribution
 * @param clients one report per client, clients with findings first, then by key
 * @param findings every finding of every client
 */
public record ReconnectReport(Instant generatedAt, Instant startedAt, long lengthMillis, AnalyticsSettings settings,
                              ReportSummary summary, FleetReport fleet, List<ClientReport> clients,
                              List<Finding> findings) {

  public ReconnectReport {
    clients = List.copyOf(clients);
    findings = List.copyOf(findings);
  }

  public Optional<ClientReport> client(String key) {
    return clients.stream().filter(c -> c.client().equals(key)).findFirst();
  }
}
