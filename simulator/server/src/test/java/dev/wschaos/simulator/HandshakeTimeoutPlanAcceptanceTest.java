package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.server.ServerLimits;
import dev.wschaos.simulator.support.RawClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A plan's {@code handshake.timeout} replaces the server's handshake timeout for the connections accepted under it:
 * {@code 0s} turns it off, a duration changes it; the deadline runs from TCP accept (a client that sends nothing is
 * closed too), and faults acting on a complete request still hold it as long as they say.
 */
class HandshakeTimeoutPlanAcceptanceTest {

  private static final String RULES = """
      rules:
        - {name: stall, match: {path: /stall}, fault: {type: stall}}
        - {name: slow, match: {path: /slow}, fault: {type: slow-handshake, delay: 1500ms}}
      """;

  @Test
  void aPlanTurnsTheServersTimeoutOffAndBackOn() throws Exception {
    Plan off = PlanLoader.parse("name: off\nhandshake: {timeout: 0s}\n" + RULES, "off");
    try (WsChaosServer server = WsChaosServer.builder().plan(off)
        .limits(ServerLimits.defaults().withHandshakeTimeout(Duration.ofMillis(300))).start();
         RawClient silent = RawClient.open(server.wsUrl("/"));
         RawClient half = RawClient.open(server.wsUrl("/"))) {
      half.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");

      assertThat(half.readToEnd(3_000)).as("a half request under a plan without timeout")
          .isEqualTo(RawClient.End.TIMEOUT);
      assertThat(silent.readToEnd(100)).as("a silent client under a plan without timeout")
          .isEqualTo(RawClient.End.TIMEOUT);

      server.replacePlan(PlanLoader.parse("name: server's\n" + RULES, "server's"));
      try (RawClient later = RawClient.open(server.wsUrl("/"))) {
        later.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");
        assertThat(later.readToEnd(30_000)).as("accepted under a plan that keeps the server's 300 ms")
            .isIn(RawClient.End.FIN, RawClient.End.RESET);
      }
    }
  }

  @Test
  void aPlanShortensTheTimeoutFromAcceptWhileFaultsStillHoldCompleteRequests() throws Exception {
    Plan shorter = PlanLoader.parse("name: shorter\nhandshake: {timeout: 300ms}\n" + RULES, "shorter");
    try (WsChaosServer server = WsChaosServer.builder().plan(shorter)
        .limits(ServerLimits.defaults().withHandshakeTimeout(Duration.ofMinutes(5))).start();
         RawClient stalled = RawClient.open(server.wsUrl("/"));
         RawClient slow = RawClient.open(server.wsUrl("/"));
         RawClient silent = RawClient.open(server.wsUrl("/"));
         RawClient half = RawClient.open(server.wsUrl("/"))) {
      stalled.sendRequest("GET", "/stall", RawClient.upgradeHeaders(server.wsUrl("/stall")));
      slow.sendRequest("GET", "/slow", RawClient.upgradeHeaders(server.wsUrl("/slow")));
      half.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");

      assertThat(silent.readToEnd(60_000)).as("a client that sent nothing since accept")
          .isIn(RawClient.End.FIN, RawClient.End.RESET);
      assertThat(half.readToEnd(60_000)).as("a half request").isIn(RawClient.End.FIN, RawClient.End.RESET);
      assertThat(slow.readResponse().status()).as("slow-handshake, 1.5 s past a 300 ms timeout").isEqualTo(101);
      assertThat(stalled.readToEnd(300)).as("the stall fault still holds its request")
          .isEqualTo(RawClient.End.TIMEOUT);
    }
  }

  @Test
  void aNegativeTimeoutIsRefusedWithItsField() {
    assertThatThrownBy(() -> PlanLoader.parse("name: bad\nhandshake: {timeout: PT-1S}\n", "bad.yaml"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("handshake.timeout").hasMessageContaining("negative");
  }
}
