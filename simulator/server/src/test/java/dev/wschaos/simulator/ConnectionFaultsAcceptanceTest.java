package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.connection.DropFault;
import dev.wschaos.simulator.fault.connection.ResetFault;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.support.Failures;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionFaultsAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  @ParameterizedTest(name = "close {0}")
  @CsvSource({
      "1000, normal closure",
      "1001, going away",
      "1008, policy violation",
      "1011, internal error",
      "1012, service restart; retry-after=2",
      "1013, try again later; retry-after=5",
      "4000, application: session expired"})
  void closeDeliversTheCodeAndReasonToEveryClient(int code, String reason) throws Exception {
    try (WsChaosServer server = Simulators.withFault(new CloseFault(code, reason))) {
      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        assertThat(jdk.awaitClose()).isEqualTo(new JdkClient.Closed(code, reason));
      }
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        assertThat(vx.awaitClose()).isEqualTo(new VertxClient.Closed((short) code, reason));
      }
      try (RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
        assertThat(raw.readResponse().status()).isEqualTo(101);
        RawClient.Frame frame = raw.readFrame();
        assertThat(frame.opcode()).isEqualTo(0x8);
        assertThat(frame.masked()).isFalse();
        assertThat(frame.closeCode()).isEqualTo(code);
        assertThat(frame.closeReason()).isEqualTo(reason);
      }
    }
  }

  @Test
  void afterSendingCloseTheServerWaitsBoundedlyForTheClientThenClosesTcp() throws Exception {
    try (WsChaosServer server = Simulators.withFault(CloseFault.of(1001));
         RawClient raw = RawClient.open(server.wsUrl())) {
      raw.sendRequest("GET", "/", RawClient.upgradeHeaders(server.wsUrl()));
      assertThat(raw.readResponse().status()).isEqualTo(101);
      assertThat(raw.readFrame().closeCode()).isEqualTo(1001);
      long start = System.nanoTime();
      // this client never answers the close frame: the server (close timeout 1 s) must close TCP on its own
      assertThat(raw.readToEnd(8000)).isEqualTo(RawClient.End.FIN);
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 6000L);
    }
  }

  @Test
  void afterSendingCloseTheServerClosesTcpAsSoonAsTheClientAnswers() throws Exception {
    try (WsChaosServer server = Simulators.withFault(CloseFault.of(1011));
         RawClient raw = RawClient.open(server.wsUrl())) {
      raw.sendRequest("GET", "/", RawClient.upgradeHeaders(server.wsUrl()));
      assertThat(raw.readResponse().status()).isEqualTo(101);
      assertThat(raw.readFrame().closeCode()).isEqualTo(1011);
      raw.sendFrame(0x8, new byte[] {0x03, (byte) 0xf3});
      long start = System.nanoTime();
      assertThat(raw.readToEnd(8000)).isEqualTo(RawClient.End.FIN);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(900L);
    }
  }

  @Test
  void dropClosesTcpWithoutCloseFrameSoClientsReport1006() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new DropFault())) {
      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        assertThat(jdk.awaitClose().code()).isEqualTo(1006);
      }
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        assertThat(vx.awaitClose().code()).isEqualTo((short) 1006);
      }
      try (RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
        assertThat(raw.readResponse().status()).isEqualTo(101);
        assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.FIN);
      }
    }
  }

  @Test
  void resetSendsRstSoClientsSeeAConnectionReset() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new ResetFault())) {
      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        // the JDK reports a reset through onError, never onClose; which I/O layer notices first varies
        Throwable error = jdk.awaitError();
        assertThat(error).isInstanceOf(IOException.class);
        assertThat(Failures.chain(error)).containsAnyOf("Connection reset", "closed input");
        assertThat(jdk.isClosed()).isFalse();
      }
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        assertThat(vx.awaitClose().code()).isEqualTo((short) 1006);
      }
      try (RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
        assertThat(raw.readResponse().status()).isEqualTo(101);
        assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.RESET);
      }
    }
  }

  @Test
  void afterMessagesTriggerStrikesOnceTheNthMessageIsHandled() throws Exception {
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(3), new CloseFault(1011, "boom"))) {
      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        for (int i = 1; i <= 3; i++) {
          jdk.send("m" + i);
          assertThat(jdk.nextMessage()).isEqualTo("m" + i);
        }
        assertThat(jdk.awaitClose()).isEqualTo(new JdkClient.Closed(1011, "boom"));
      }
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        vx.send("a");
        vx.send("b");
        assertThat(vx.nextMessage()).isEqualTo("a");
        assertThat(vx.nextMessage()).isEqualTo("b");
        assertThat(vx.isClosed()).isFalse();
        vx.send("c");
        assertThat(vx.awaitClose()).isEqualTo(new VertxClient.Closed((short) 1011, "boom"));
      }
    }
  }

  @Test
  void afterDurationTriggerStrikesThatLongAfterOpen() throws Exception {
    try (WsChaosServer server = Simulators.withFault(Trigger.after(Duration.ofMillis(700)), CloseFault.of(1012))) {
      long start = System.nanoTime();
      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        jdk.send("still open");
        assertThat(jdk.nextMessage()).isEqualTo("still open");
        assertThat(jdk.awaitClose().code()).isEqualTo(1012);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(650L);
      }
      start = System.nanoTime();
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        assertThat(vx.awaitClose().code()).isEqualTo((short) 1012);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(650L);
      }
    }
  }

  @Test
  void onMessageTriggerStrikesWhenAMessageMatches() throws Exception {
    try (WsChaosServer server = Simulators.withFault(Trigger.onMessage("^SUBSCRIBE "), new CloseFault(1008, "no"))) {
      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        jdk.send("hello");
        assertThat(jdk.nextMessage()).isEqualTo("hello");
        jdk.send("SUBSCRIBE prices");
        assertThat(jdk.awaitClose()).isEqualTo(new JdkClient.Closed(1008, "no"));
      }
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        vx.send("UNSUBSCRIBE x");
        assertThat(vx.nextMessage()).isEqualTo("UNSUBSCRIBE x");
        vx.send("SUBSCRIBE x");
        assertThat(vx.awaitClose().code()).isEqualTo((short) 1008);
      }
    }
  }
}
