package dev.wschaos.simulator.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link Recording} of connection attempts into a {@link ReconnectReport}: per client the timeline, the
 * classified backoff and the failed policy checks; for the fleet the time series, the recovery after each fleet
 * event and the distribution of reconnect delays.
 *
 * <pre>
 *   Recording --group by client--> ClientAnalysis (timeline, delays, findings) --> BackoffClassifier
 *             \--all attempts----> FleetAnalysis (series, recoveries, delays)  --> ReconnectReport
 * </pre>
 *
 * <pre>{@code
 * ReconnectReport report = ReconnectAnalytics.analyze(recorder.snapshot(),
 *     AnalyticsSettings.defaults().withMaxAttempts(10));
 * ReportJson.write(report, Path.of("reconnects.json"));
 * HtmlReport.write(report, Path.of("reconnects.html"));
 * }</pre>
 */
public final class ReconnectAnalytics {

  private ReconnectAnalytics() {}

  public static ReconnectReport analyze(Recording recording) {
    return analyze(recording, AnalyticsSettings.defaults());
  }

  public static ReconnectReport analyze(Recording recording, AnalyticsSettings settings) {
    Map<String, List<Attempt>> byClient = new LinkedHashMap<>();
    for (Attempt a : recording.attempts()) {
      byClient.computeIfAbsent(a.client(), k -> new ArrayList<>()).add(a);
    }
    List<ClientReport> clients = new ArrayList<>();
    List<Long> delays = new ArrayList<>();
    for (Map.Entry<String, List<Attempt>> e : byClient.entrySet()) {
      ClientAnalysis analysis = ClientAnalysis.run(e.getKey(), e.getValue(), recording, settings);
      clients.add(analysis.report());
      delays.addAll(analysis.delays());
    }
    clients.sort(Comparator.comparing((ClientReport c) -> c.findings().isEmpty())
        .thenComparing(ClientReport::client));
    List<Finding> findings = new ArrayList<>(clients.stream().flatMap(c -> c.findings().stream()).toList());
    findings.addAll(FirstReconnectSpread.check(recording, byClient));
    FleetReport fleet = FleetAnalysis.run(recording, byClient, delays, settings);
    return new ReconnectReport(Instant.now(), recording.startedAt(), recording.length().toMillis(), settings,
        summary(recording, clients, findings, delays.size()), fleet, clients, findings);
  }

  private static ReportSummary summary(Recording recording, List<ClientReport> clients, List<Finding> findings,
                                       int reconnects) {
    int accepted = 0;
    int rejected = 0;
    int aborted = 0;
    Map<String, Integer> backoff = new TreeMap<>();
    for (ClientReport c : clients) {
      accepted += c.accepted();
      rejected += c.rejected();
      aborted += c.aborted();
      backoff.merge(c.backoff().kind().id(), 1, Integer::sum);
    }
    Map<String, Integer> byCheck = new TreeMap<>();
    for (Finding f : findings) {
      byCheck.merge(f.check().id(), 1, Integer::sum);
    }
    int withFindings = (int) clients.stream().filter(c -> !c.findings().isEmpty()).count();
    return new ReportSummary(clients.size(), recording.attempts().size(), accepted, rejected, aborted, reconnects,
        withFindings, byCheck, backoff, recording.droppedAttempts());
  }
}
