package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A connection fault triggered {@code afterMessages: N} strikes after the Nth message was handled: whatever the
 * server wrote before (the Nth echo) reaches the client before the fault's own bytes, close frame or FIN.
 */
class FaultOrderingAcceptanceTest {

  /** What the client sees after the echo. */
  interface Next {
    void check(RawClient raw) throws Exception;
  }

  static Stream<Arguments> connectionFaults() {
    Next fin = raw -> assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.FIN);
    Next anything = raw -> {};
    return Stream.of(
        Arguments.of("{type: drop}", fin),
        Arguments.of("{type: close, code: 1011, reason: boom}", closeFrame(1011)),
        Arguments.of("{type: close-no-fin, code: 1001}", closeFrame(1001)),
        Arguments.of("{type: half-open}", (Next) raw -> assertThat(raw.readToEnd(300)).isEqualTo(RawClient.End.TIMEOUT)),
        Arguments.of("{type: invalid-utf8}", frame(0x1, 0)),
        Arguments.of("{type: bad-opcode, opcode: 3}", frame(0x3, 0)),
        Arguments.of("{type: reserved-bits, rsv: 1}", frame(0x1, 0b100)),
        Arguments.of("{type: masked-frame, text: hello}", frame(0x1, 0)),
        Arguments.of("{type: fragmented-control}", anything),
        Arguments.of("{type: unexpected-binary, messages: 1}", (Next) raw -> {
          raw.sendText("m2");
          frame(0x2, 0).check(raw);
        }),
        Arguments.of("{type: oversize, size: 300}", frame(0x1, 0)),
        Arguments.of("{type: no-pong}", anything),
        Arguments.of("{type: ignore-close}", anything),
        Arguments.of("{type: latency, delay: 50ms}", anything),
        Arguments.of("{type: throttle, bytesPerSecond: 16384}", anything),
        Arguments.of("{type: slice, chunkBytes: 3, pause: 1ms}", anything),
        Arguments.of("{type: slow-link, delay: 50ms, bytesPerSecond: 16384}", anything),
        Arguments.of("{type: drop-messages, probability: 1.0}", anything),
        Arguments.of("{type: duplicate-messages, probability: 1.0}", anything),
        Arguments.of("{type: reorder-messages, window: 3, maxHold: 50ms}", anything));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connectionFaults")
  void theNthEchoReachesTheClientBeforeTheFault(String fault, Next next) throws Exception {
    try (WsChaosServer server = Simulators.start(planAfterOneMessage(fault));
         RawClient raw = RawClient.upgraded(server.wsUrl())) {
      raw.sendText("m1");
      RawClient.Frame first = raw.readFrame();
      assertThat(first.opcode()).as("first frame's opcode").isEqualTo(0x1);
      assertThat(first.text()).isEqualTo("m1");
      next.check(raw);
    }
  }

  @Test
  void aJdkClientGetsTheEchoBeforeTheServerDropsTheConnection() throws Exception {
    try (WsChaosServer server = Simulators.start(planAfterOneMessage("{type: drop}"));
         JdkClient jdk = JdkClient.connect(server.wsUrl())) {
      jdk.send("m1");
      assertThat(jdk.nextMessage()).isEqualTo("m1");
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
      // JDK 17's WebSocket may then report nothing at all: it misses a FIN that arrives right behind data
      // (neither onClose nor onError), so its 1006 is not asserted here; see docs/faults.md, drop.
    }
  }

  @Test
  void aRawClientGetsTheNthEchoThenAFinWhenDroppedAfterThreeMessages() throws Exception {
    try (WsChaosServer server = Simulators.start(PlanLoader.parse("""
             name: drop-after-3
             rules:
               - trigger: {afterMessages: 3}
                 fault: {type: drop}
             """, "test"));
         RawClient raw = RawClient.upgraded(server.wsUrl())) {
      raw.sendText("m1");
      raw.sendText("m2");
      raw.sendText("m3");
      for (String expected : new String[] {"m1", "m2", "m3"}) {
        assertThat(raw.readFrame().text()).isEqualTo(expected);
      }
      assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.FIN);
    }
  }

  private static dev.wschaos.simulator.plan.Plan planAfterOneMessage(String fault) {
    return PlanLoader.parse("""
        name: ordering
        rules:
          - trigger: {afterMessages: 1}
            fault: %s
        """.formatted(fault), "test");
  }

  private static Next closeFrame(int code) {
    return raw -> {
      RawClient.Frame frame = raw.readFrame();
      assertThat(frame.opcode()).isEqualTo(0x8);
      assertThat(frame.closeCode()).isEqualTo(code);
    };
  }

  private static Next frame(int opcode, int rsv) {
    return raw -> {
      RawClient.Frame frame = raw.readFrame();
      assertThat(frame.opcode()).isEqualTo(opcode);
      assertThat(frame.rsv()).isEqualTo(rsv);
    };
  }
}
