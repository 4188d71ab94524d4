package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fragmented message whose first fragment is empty (RFC 6455 5.4 allows it) is echoed whole (found by the network
 * fuzzer: Vert.x 5.0.10's frame aggregator threw appending to the empty first fragment and lost the message).
 */
class EmptyFirstFragmentAcceptanceTest {

  private static WsChaosServer server;

  @BeforeAll
  static void start() {
    server = Simulators.start(Plan.healthy());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {0x1, 0x2})
  void isEchoedWhole(int opcode) throws Exception {
    try (RawClient raw = RawClient.upgraded(server.wsUrl("/echo"))) {
      raw.sendFrame(false, opcode, new byte[0]);
      raw.sendFrame(false, 0x0, "hel".getBytes(StandardCharsets.UTF_8));
      raw.sendFrame(true, 0x0, "lo".getBytes(StandardCharsets.UTF_8));
      RawClient.Frame echo = raw.readFrame();
      assertThat(echo.opcode()).isEqualTo(opcode);
      assertThat(new String(echo.payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
  }
}
