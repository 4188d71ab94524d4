package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's answer to a client's close frame, by code (found by the network fuzzer: codes above 4999 were echoed
 * back as they came): a code a client may send is echoed, one no endpoint may send is answered 1002.
 */
class ClientCloseCodeAcceptanceTest {

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
  @ValueSource(ints = {1000, 1001, 3000, 4000, 4999})
  void aValidCodeIsEchoed(int code) throws Exception {
    assertThat(answerTo(code).closeCode()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(ints = {5000, 32768, 65535})
  void aCodeAbove4999IsAProtocolError(int code) throws Exception {
    RawClient.Frame answer = answerTo(code);
    assertThat(answer.closeCode()).isEqualTo(1002);
    assertThat(answer.closeReason()).contains("close code " + code + " is not allowed");
  }

  private static RawClient.Frame answerTo(int code) throws Exception {
    try (RawClient raw = RawClient.upgraded(server.wsUrl("/close"))) {
      byte[] reason = "bye".getBytes(StandardCharsets.UTF_8);
      raw.sendFrame(0x8, ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array());
      RawClient.Frame frame = raw.readFrame();
      assertThat(frame.opcode()).isEqualTo(0x8);
      return frame;
    }
  }
}
