package dev.wschaos.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.server.ServerLimits;
import dev.wschaos.simulator.support.RawClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code PUT /plan/handshake}: an edit of the plan's handshake section, seen by a raw socket's half-sent request. */
class HandshakeRouteAcceptanceTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> put(WsChaosServer server, String yaml) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUrl() + "/plan/handshake"))
        .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString(yaml)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aYamlBodyTurnsTheTimeoutOffAsAnEditAndABadOneChangesNothing() throws Exception {
    Plan plan = Plan.named("kept").withRule(Rule.of(Match.ANY.withClientId("nobody"), CloseFault.of(4000)));
    try (WsChaosServer server = WsChaosServer.builder().plan(plan).adminPort(0)
        .limits(ServerLimits.defaults().withHandshakeTimeout(Duration.ofMillis(300))).start()) {
      HttpResponse<String> off = put(server, "strict: true\ntimeout: 0s\n");
      assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
      assertThat(server.plan().handshake().timeout()).isEqualTo(Duration.ZERO);
      assertThat(server.plan().name()).isEqualTo("kept");
      assertThat(server.plan().rules()).hasSize(1);
      try (RawClient half = RawClient.open(server.wsUrl("/"))) {
        half.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");
        assertThat(half.readToEnd(1_500)).isEqualTo(RawClient.End.TIMEOUT);
      }

      HttpResponse<String> bad = put(server, "strict: true\ntimeout: PT-1S\n");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("handshake.timeout").contains("negative");
      assertThat(server.plan().handshake().timeout()).isEqualTo(Duration.ZERO);

      assertThat(put(server, "strict: true\n").statusCode()).isEqualTo(200);
      try (RawClient half = RawClient.open(server.wsUrl("/"))) {
        half.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");
        assertThat(half.readToEnd(30_000)).as("the server's 300 ms again").isIn(RawClient.End.FIN, RawClient.End.RESET);
      }
    }
  }
}
