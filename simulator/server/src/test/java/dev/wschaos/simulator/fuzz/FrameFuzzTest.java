package dev.wschaos.simulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the frame path over a socket: a valid upgrade, then the input as client frames (masks, lengths,
 * fragmentation, control frames, UTF-8, reserved bits and opcodes), then a half-close. The server must end the
 * connection, close (if it does) with a refusal code (1002, 1007, 1009, ...) or echo the client's own valid code,
 * never answer 5xx or anything but a 101, and keep echoing a healthy client beside it. Corpus:
 * {@code src/test/resources/dev/wschaos/simulator/fuzz/FrameFuzzTestInputs/clientFrames/} (each file: raw frame
 * bytes, as a client sends them).
 */
class FrameFuzzTest {

  private static FuzzedServer server;

  @BeforeAll
  static void start() throws Exception {
    server = FuzzedServer.start(false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @FuzzTest(maxDuration = "60s")
  void clientFrames(byte[] frames) throws Exception {
    WireProbe.Outcome outcome = WireProbe.send(server.wsAddress(), server.upgradeHead(), frames,
        FuzzedServer.TIMEOUT_MS);
    String finding = outcome.upgraded() ? outcome.finding(WireProbe.allowedCloses(frames))
        : "the valid upgrade was not upgraded: " + outcome.head();
    if (finding != null) {
      throw new AssertionError(finding + "\nfor the frames " + HandshakeFuzzTest.printable(frames));
    }
    server.assertStillServing();
  }
}
