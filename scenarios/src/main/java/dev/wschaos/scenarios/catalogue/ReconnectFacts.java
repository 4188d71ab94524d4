package dev.wschaos.scenarios.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.analytics.Finding;
import dev.wschaos.simulator.analytics.ReconnectReport;
import dev.wschaos.simulator.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator's reconnect analytics say about a run, read from the report JSON ({@code ReportJson}), which an
 * embedded simulator renders and a remote one serves at {@code GET {admin}/reconnects}: one reader for both.
 *
 * <pre>{@code
 * ReconnectFacts facts = ReconnectFacts.parse(ReportJson.toJson(server.reconnectReport()));
 * facts.recoveries().forEach(r -> System.out.println(r.label() + ": p99 " + r.p99Millis() + " ms"));
 * facts.findings().get("retried-before-advised-delay");   // clients with that finding, or null
 * }</pre>
 *
 * @param clients clients the simulator saw
 * @param attempts upgrade requests
 * @param findings per check id, how many clients have that finding
 * @param examples per check id, the message of its first finding
 * @param recoveries the fleet's recovery after each fleet event, in time order
 */
public record ReconnectFacts(int clients, int attempts, Map<String, Integer> findings, Map<String, String> examples,
                             List<Recovery> recoveries) {

  /** Recovery after one fleet event ({@code fleet.recoveries[]}); percentiles are null when not reached. */
  public record Recovery(String label, double offsetMillis, int affected, int lost, int recovered, Long p50Millis,
                         Long p90Millis, Long p99Millis, Long p100Millis, double peakAttemptsPerSecond,
                         double herdRatio) {

    /** One line for the verdict. */
    public String describe() {
      return String.format("'%s' at %.1f s: %d lost, %d back, p50 %s p99 %s p100 %s ms, peak %.0f attempts/s, "
              + "herd ratio %.2f", label, offsetMillis / 1000, lost, recovered, p50Millis, p99Millis, p100Millis,
          peakAttemptsPerSecond, herdRatio);
    }
  }

  /** The facts of a reconnect report, as the simulator (embedded or remote) made it. */
  public static ReconnectFacts of(ReconnectReport report) {
    Map<String, String> examples = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      examples.putIfAbsent(f.check().id(), f.client() + ": " + f.message());
    }
    List<Recovery> recoveries = report.fleet().recoveries().stream()
        .map(r -> new Recovery(r.label(), r.offsetMillis(), r.affected(), r.lost(), r.recovered(), r.p50Millis(),
            r.p90Millis(), r.p99Millis(), r.p100Millis(), r.peakAttemptsPerSecond(), r.herdRatio()))
        .toList();
    return new ReconnectFacts(report.summary().clients(), report.summary().attempts(),
        Map.copyOf(report.summary().findings()), Map.copyOf(examples), recoveries);
  }

  /** @throws IllegalArgumentException when {@code json} is not a reconnect report */
  public static ReconnectFacts parse(String json) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a reconnect report: " + e.getMessage(), e);
    }
    JsonNode summary = root.path("summary");
    if (!summary.isObject()) {
      throw new IllegalArgumentException("not a reconnect report: no summary");
    }
    Map<String, Integer> findings = new LinkedHashMap<>();
    summary.path("findings").fields().forEachRemaining(e -> findings.put(e.getKey(), e.getValue().asInt()));
    Map<String, String> examples = new LinkedHashMap<>();
    for (JsonNode f : root.path("findings")) {
      examples.putIfAbsent(f.path("check").asText(), f.path("client").asText() + ": " + f.path("message").asText());
    }
    List<Recovery> recoveries = new ArrayList<>();
    for (JsonNode r : root.path("fleet").path("recoveries")) {
      recoveries.add(new Recovery(r.path("label").asText(), r.path("offsetMillis").asDouble(),
          r.path("affected").asInt(), r.path("lost").asInt(), r.path("recovered").asInt(), optLong(r, "p50Millis"),
          optLong(r, "p90Millis"), optLong(r, "p99Millis"), optLong(r, "p100Millis"),
          r.path("peakAttemptsPerSecond").asDouble(), r.path("herdRatio").asDouble()));
    }
    return new ReconnectFacts(summary.path("clients").asInt(), summary.path("attempts").asInt(), Map.copyOf(findings),
        Map.copyOf(examples), List.copyOf(recoveries));
  }

  /** Clients with a finding of {@code check}, 0 when none. */
  public int clientsWith(String check) {
    return findings.getOrDefault(check, 0);
  }

  /** The fleet events after which clients were lost. */
  public List<Recovery> eventsWithLosses() {
    return recoveries.stream().filter(r -> r.lost() > 0).toList();
  }

  private static Long optLong(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asLong();
  }
}
