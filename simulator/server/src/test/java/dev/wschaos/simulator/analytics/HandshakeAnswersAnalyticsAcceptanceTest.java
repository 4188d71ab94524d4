package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.handshake.MangledUpgradeFault;
import dev.wschaos.simulator.fault.handshake.NginxErrorFault;
import dev.wschaos.simulator.fault.handshake.WrongStatusFault;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 200 page, nginx's 502 and a mangled 101 are refusals in the reconnect analytics, with the status recorded, so a
 * client that retries a 200 page in a tight loop is flagged and one that waits is not.
 */
class HandshakeAnswersAnalyticsAcceptanceTest {

  private static Match client(String id, String attempts) {
    return new Match(null, id, AttemptRange.parse(attempts), null, null, null);
  }

  /** Ask {@code refusals} times without pausing, as a client with no backoff does, then connect. */
  private static void retryHot(URI uri, int refusals) throws Exception {
    for (int i = 0; i < refusals; i++) {
      try (RawClient raw = RawClient.open(uri)) {
        raw.sendRequest("GET", uri.getRawPath() + "?" + uri.getRawQuery(), RawClient.upgradeHeaders(uri));
        assertThat(raw.readResponse().status()).isEqualTo(200);
      }
    }
    RawClient.upgraded(uri).close();
  }

  @Test
  void handshakeAnswersAreRefusalsWithTheirStatus() throws Exception {
    Plan plan = Plan.named("answers").withRules(List.of(
        Rule.of(client("hot", "1-10"), WrongStatusFault.status(200)),
        Rule.of(client("patient", "1-4"), NginxErrorFault.status(502)),
        Rule.of(client("mangled", "1-2"), MangledUpgradeFault.omitting("Upgrade"))));
    AttemptRecorder clientSide = AttemptRecorder.create();
    ReconnectingClient patient = new ReconnectingClient("patient", k -> 200, true, Duration.ofMillis(300));
    ReconnectingClient mangled = new ReconnectingClient("mangled", k -> 200, true, Duration.ofMillis(300));
    ReconnectReport report;
    try (WsChaosServer server = Simulators.start(plan)) {
      patient.start(server.wsUrl("/feed?clientId=patient"), clientSide);
      mangled.start(server.wsUrl("/feed?clientId=mangled"), clientSide);
      retryHot(server.wsUrl("/feed?clientId=hot"), 10);
      patient.awaitDone(Duration.ofSeconds(30));
      mangled.awaitDone(Duration.ofSeconds(30));
      report = server.reconnectReport(AnalyticsSettings.defaults().withMinimumDelay(Duration.ofMillis(50)));
    }

    ClientReport hotReport = report.client("hot").orElseThrow();
    assertThat(hotReport.attempts()).isEqualTo(11);
    assertThat(hotReport.rejected()).isEqualTo(10);
    assertThat(hotReport.timeline().subList(0, 10)).allSatisfy(entry -> {
      assertThat(entry.outcome()).isEqualTo(AttemptOutcome.REJECTED);
      assertThat(entry.status()).isEqualTo(200);
    });
    assertThat(hotReport.findings()).extracting(Finding::check).containsExactly(Check.RETRIED_TOO_FAST);
    Finding tooFast = hotReport.findings().get(0);
    assertThat(tooFast.status()).isEqualTo(200);
    assertThat(tooFast.message()).contains("was refused with 200");

    ClientReport patientReport = report.client("patient").orElseThrow();
    assertThat(patientReport.timeline().subList(0, 4)).extracting(TimelineEntry::status).containsOnly(502);
    assertThat(patientReport.findings()).isEmpty();

    ClientReport mangledReport = report.client("mangled").orElseThrow();
    assertThat(mangledReport.timeline().subList(0, 2)).allSatisfy(entry -> {
      assertThat(entry.outcome()).isEqualTo(AttemptOutcome.REJECTED);
      assertThat(entry.status()).isEqualTo(101);
    });
    assertThat(mangledReport.timeline().get(2).outcome()).isEqualTo(AttemptOutcome.ACCEPTED);

    ReconnectReport clientView = ReconnectAnalytics.analyze(clientSide.snapshot(), AnalyticsSettings.defaults());
    for (String name : List.of("patient", "mangled")) {
      assertThat(report.client(name).orElseThrow().timeline()).extracting(TimelineEntry::status)
          .as("statuses the server recorded for %s, against what the client saw", name)
          .isEqualTo(clientView.client(name).orElseThrow().timeline().stream().map(TimelineEntry::status).toList());
    }
  }
}
