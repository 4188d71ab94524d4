package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.fault.protocol.BadOpcodeFault;
import dev.wschaos.simulator.fault.protocol.FragmentedControlFault;
import dev.wschaos.simulator.fault.protocol.InvalidUtf8Fault;
import dev.wschaos.simulator.fault.protocol.MaskedFrameFault;
import dev.wschaos.simulator.fault.protocol.OversizeFault;
import dev.wschaos.simulator.fault.protocol.ReservedBitsFault;
import dev.wschaos.simulator.fault.protocol.UnexpectedBinaryFault;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.support.Failures;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import dev.wschaos.simulator.support.WireTap;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProtocolViolationsAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  /** What a client reported, and the close code it put on the wire (read through a {@link WireTap}). */
  private record Seen(String report, OptionalInt wireCloseCode) {}

  private static Seen jdk(WsChaosServer server) throws Exception {
    try (WireTap tap = WireTap.to(server.wsUrl()); JdkClient jdk = JdkClient.connect(tap.url())) {
      jdk.send("go");
      await().atMost(Duration.ofSeconds(10)).until(() -> jdk.isClosed() || jdk.hasError());
      String report = jdk.hasError() ? "error " + Failures.chain(jdk.awaitError()) : "close " + jdk.awaitClose().code();
      return new Seen(report, awaitWireCode(tap));
    }
  }

  private static Seen vertx(WsChaosServer server, WebSocketClientOptions options) throws Exception {
    try (WireTap tap = WireTap.to(server.wsUrl()); VertxClient vx = VertxClient.connect(vertx, tap.url(), options)) {
      vx.send("go");
      await().atMost(Duration.ofSeconds(10)).until(() -> vx.isClosed() || vx.error() != null);
      String report = (vx.error() == null ? "" : "error " + Failures.chain(vx.error()))
          + (vx.isClosed() ? "closed " + vx.awaitClose().code() : "open");
      return new Seen(report, awaitWireCode(tap));
    }
  }

  private static OptionalInt awaitWireCode(WireTap tap) {
    try {
      await().atMost(Duration.ofSeconds(2)).until(() -> tap.clientCloseCode().isPresent());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // the client sent no close frame: reported as empty
    }
    return tap.clientCloseCode();
  }

  /**
   * JDK 17 fails the connection with a close frame carrying the RFC code in some runs and closes TCP before writing
   * it in others (a race inside the client): when a code reached the wire, it must be the right one.
   */
  private static void assertWireCodeIfSent(Seen jdk, int code) {
    jdk.wireCloseCode().ifPresent(sent -> assertThat(sent).isEqualTo(code));
  }

  private static RawClient.Frame rawFrameAfterGo(WsChaosServer server) throws Exception {
    try (RawClient raw = RawClient.upgraded(server.wsUrl())) {
      raw.sendText("go");
      RawClient.Frame echo = raw.readFrame();
      assertThat(echo.text()).isEqualTo("go");
      return raw.readFrame();
    }
  }

  @Test
  void invalidUtf8IsATextFrameThatJdkFailsWith1007() throws Exception {
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(1), new InvalidUtf8Fault())) {
      RawClient.Frame frame = rawFrameAfterGo(server);
      assertThat(frame.opcode()).isEqualTo(0x1);
      assertThat(frame.fin()).isTrue();
      assertThat(isUtf8(frame.payload())).isFalse();
    }
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(1), new InvalidUtf8Fault())) {
      Seen jdk = jdk(server);
      assertThat(jdk.report()).contains("java.net.ProtocolException");
      assertWireCodeIfSent(jdk, 1007);

      // Vert.x's client does not validate UTF-8: it delivers the text with U+FFFD in place of the bad bytes.
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        vx.send("go");
        assertThat(vx.nextMessage()).isEqualTo("go");
        assertThat(vx.nextMessage()).startsWith("wschaos ").contains("\uFFFD");
        assertThat(vx.isClosed()).isFalse();
      }
    }
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void oversizeMessageIsRefusedByClientsWithALimit() throws Exception {
    OversizeFault fragmented = OversizeFault.text(300_000, 60_000);
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(1), fragmented)) {
      try (RawClient raw = RawClient.upgraded(server.wsUrl())) {
        raw.sendText("go");
        assertThat(raw.readFrame().text()).isEqualTo("go");
        int total = 0;
        RawClient.Frame frame;
        do {
          frame = raw.readFrame();
          total += frame.payload().length;
        } while (!frame.fin());
        assertThat(total).isEqualTo(300_000);
      }
      // Vert.x's maxMessageSize only reports an exception and drops the message; the connection stays open.
      Seen vx = vertx(server, new WebSocketClientOptions().setMaxMessageSize(262_144));
      assertThat(vx.report()).contains("overflow max message size of 262144");
      // The JDK client has no message size limit: it receives the whole message.
      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        jdk.send("go");
        assertThat(jdk.nextMessage()).isEqualTo("go");
        assertThat(jdk.nextMessage()).hasSize(300_000);
      }
    }
    OversizeFault oneFrame = OversizeFault.text(100_000, null);
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(1), oneFrame)) {
      // Vert.x's maxFrameSize (default 65536) is enforced by Netty's decoder: the connection fails.
      Seen vx = vertx(server, new WebSocketClientOptions().setMaxFrameSize(65_536));
      System.out.println("oversize frame: Vert.x " + vx);
      assertThat(vx.report()).contains("Max frame length of 65536 has been exceeded");
    }
  }

  @Test
  void maskedFrameFailsTheConnection() throws Exception {
    assertProtocolError(new MaskedFrameFault(null), "not masked as expected", frame -> {
      assertThat(frame.masked()).isTrue();
      assertThat(frame.text()).isEqualTo("masked by the server");
    });
  }

  @Test
  void reservedBitsFailTheConnection() throws Exception {
    assertProtocolError(new ReservedBitsFault(1), "RSV != 0 and no extension negotiated",
        frame -> assertThat(frame.rsv()).isEqualTo(4));
  }

  @Test
  void badOpcodeFailsTheConnection() throws Exception {
    assertProtocolError(new BadOpcodeFault(3), "data frame using reserved opcode 3",
        frame -> assertThat(frame.opcode()).isEqualTo(3));
  }

  @Test
  void fragmentedControlFrameFailsTheConnection() throws Exception {
    assertProtocolError(new FragmentedControlFault(), "fragmented control frame", frame -> {
      assertThat(frame.opcode()).isEqualTo(0x9);
      assertThat(frame.fin()).isFalse();
    });
  }

  private static void assertProtocolError(Fault fault, String nettyMessage,
                                          java.util.function.Consumer<RawClient.Frame> onWire) throws Exception {
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(1), fault)) {
      onWire.accept(rawFrameAfterGo(server));
      Seen jdk = jdk(server);
      Seen vx = vertx(server, new WebSocketClientOptions());
      System.out.println(fault.type() + ": JDK " + jdk + " | Vert.x " + vx);
      assertThat(jdk.report()).contains("java.net.ProtocolException", "FailWebSocketException");
      assertWireCodeIfSent(jdk, 1002);
      assertThat(vx.report()).contains("CorruptedWebSocketFrameException", nettyMessage).endsWith("closed 1006");
      // Vert.x's client is built with closeOnProtocolViolation(false): it closes TCP without a close frame
      assertThat(vx.wireCloseCode()).isEmpty();
    }
  }

  @Test
  void negotiatesNoCompressionOnConnectionsThatGetRawFrames() throws Exception {
    Map<String, String> offer = Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(1), new ReservedBitsFault(1));
         RawClient raw = RawClient.upgraded(server.wsUrl(), offer)) {
      assertThat(raw.handshake().header("Sec-WebSocket-Extensions")).isNull();
    }
    try (WsChaosServer server = Simulators.start(dev.wschaos.simulator.plan.Plan.healthy());
         RawClient raw = RawClient.upgraded(server.wsUrl(), offer)) {
      assertThat(raw.handshake().header("Sec-WebSocket-Extensions")).startsWith("permessage-deflate");
    }
  }

  @Test
  void unexpectedBinaryTurnsTheNextTextMessageIntoBinary() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new UnexpectedBinaryFault(1))) {
      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        jdk.send("first");
        assertThat(jdk.pollBinary(Duration.ofSeconds(5))).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
        jdk.send("second");
        assertThat(jdk.nextMessage()).isEqualTo("second");
      }
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        vx.send("first");
        assertThat(vx.pollBinary(Duration.ofSeconds(5))).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
        vx.send("second");
        assertThat(vx.nextMessage()).isEqualTo("second");
      }
      try (RawClient raw = RawClient.upgraded(server.wsUrl())) {
        raw.sendText("first");
        RawClient.Frame frame = raw.readFrame();
        assertThat(frame.opcode()).isEqualTo(0x2);
        assertThat(frame.text()).isEqualTo("first");
      }
    }
  }
}
