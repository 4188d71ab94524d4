package dev.wschaos.simulator.analytics;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;

import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.junit.WsChaosExtension;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.support.JdkClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code graphql-ws} pack carries its close-code convention into reconnect analytics: a JDK client that
 * reconnects after 4401 Unauthorized (terminal) gets {@code retried-terminal-protocol-close}; one that reconnects
 * after 4403 Forbidden does not, because the protocol's reference client retries Forbidden. The admin API can judge
 * by another convention ({@code GET /reconnects?closeCodes=...}).
 */
class CloseCodeConventionsAcceptanceTest {

  @RegisterExtension
  static WsChaosExtension wschaos = WsChaosExtension.builder().plan(PlanCatalog.load("graphql-ws")).admin(true)
      .build();

  @Test
  void aClientRetrying4401UnderTheGraphqlWsConventionGetsTheTerminalFinding() throws Exception {
    Chaos chaos = wschaos.chaos();
    closedThenBack("strict", 4401, "Unauthorized");

    ClientReport report = chaos.client("strict");
    assertThat(report).isReady().hasFinding(Check.RETRIED_TERMINAL_PROTOCOL_CLOSE)
        .doesNotHaveFinding(Check.RECONNECTED_AFTER_TERMINAL_CLOSE);
    Finding finding = report.findings().stream().filter(f -> f.check() == Check.RETRIED_TERMINAL_PROTOCOL_CLOSE)
        .findFirst().orElseThrow();
    assertThat(finding.code()).isEqualTo(4401);
    assertThat(finding.attempts()).containsExactly(2);
    assertThat(finding.message()).startsWith("attempt 2 came ").endsWith(
        " ms after attempt 1 was closed with 4401, terminal in the graphql-ws protocol");
    assertThat(wschaos.server().reconnectReport().settings().closeCodes()).isEqualTo("graphql-ws");

    AdminClient admin = AdminClient.create(wschaos.server().adminUrl());
    assertThat(admin.reconnectReport("none").client("strict").orElseThrow())
        .as("judged by no convention").doesNotHaveFinding(Check.RETRIED_TERMINAL_PROTOCOL_CLOSE);
    assertThat(admin.reconnectReport("pusher").client("strict").orElseThrow())
        .as("pusher: only 4000-4099 are terminal").doesNotHaveFinding(Check.RETRIED_TERMINAL_PROTOCOL_CLOSE);
    HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        wschaos.server().adminUrl().resolve("/reconnects?closeCodes=socketio")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no close-code convention 'socketio'; presets: graphql-ws, pusher, stomp");
  }

  @Test
  void aClientRetrying4403IsWithinTheGraphqlWsConvention() throws Exception {
    closedThenBack("patient", 4403, "Forbidden");

    assertThat(wschaos.chaos().client("patient")).isReady().reconnectedTimes(1).hasNoFindings();
  }

  /** connection_init, ack, a server close with {@code code}, then the same again on a second connection. */
  private static void closedThenBack(String clientId, int code, String reason) throws Exception {
    try (JdkClient first = initialised(clientId)) {
      wschaos.chaos().now().forClient(clientId).closeAll(code, reason);
      assertThat(first.awaitClose().code()).isEqualTo(code);
    }
    try (JdkClient second = initialised(clientId)) {
      assertThat(second.isClosed()).isFalse();
    }
  }

  private static JdkClient initialised(String clientId) throws Exception {
    URI url = wschaos.wsUrl("/graphql?clientId=" + clientId);
    JdkClient client = JdkClient.connect(url, Map.of(), List.of("graphql-transport-ws"));
    client.send("{\"type\":\"connection_init\"}");
    assertThat(client.nextMessage()).isEqualTo("{\"type\":\"connection_ack\"}");
    return client;
  }
}
