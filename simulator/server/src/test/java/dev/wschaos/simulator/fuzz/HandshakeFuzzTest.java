package dev.wschaos.simulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wschaos.simulator.engine.StrictHandshake;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the upgrade: the strict checks alone (a request head as text, read into {@link StrictHandshake.Request}) and
 * whole request heads over a socket to an embedded simulator (Vert.x's HTTP parser, the limits, the strict checks,
 * the upgrade). Every head is upgraded or refused with a 4xx (or, when incomplete, not HTTP, or followed by bytes a
 * client may not send before the 101, ended without an answer), the connection always ends, and a healthy client
 * beside it is echoed after every input. Corpus:
 * {@code src/test/resources/dev/wschaos/simulator/fuzz/HandshakeFuzzTestInputs/}.
 */
class HandshakeFuzzTest {

  private static final Set<Integer> REFUSALS = Set.of(400, 403, 405, 426);

  private static FuzzedServer server;

  @BeforeAll
  static void start() throws Exception {
    server = FuzzedServer.start(false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @FuzzTest(maxDuration = "30s")
  void strictChecks(byte[] input) {
    HeadRequest request = HeadRequest.parse(new String(input, StandardCharsets.ISO_8859_1));
    StrictHandshake.Verdict verdict = StrictHandshake.check(request, true, List.of("https://*.example", "null"));
    if (verdict == null) {
      return;
    }
    if (!REFUSALS.contains(verdict.status()) || verdict.reasons().isEmpty()) {
      throw new AssertionError("refused with " + verdict.status() + " and reasons " + verdict.reasons());
    }
    String body = verdict.body();
    for (String reason : verdict.reasons()) {
      if (reason.isBlank() || !body.contains(reason)) {
        throw new AssertionError("a reason missing from the body: '" + reason + "'");
      }
    }
  }

  @FuzzTest(maxDuration = "60s")
  void upgradeRequest(byte[] head) throws Exception {
    WireProbe.Outcome outcome = WireProbe.send(server.wsAddress(), head, FuzzedServer.TIMEOUT_MS);
    String finding = outcome.headFinding(head);
    if (finding != null) {
      throw new AssertionError(finding + "\nfor the request " + printable(head));
    }
    server.assertStillServing();
  }

  static String printable(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, 600); i++) {
      int b = bytes[i] & 0xff;
      out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : b == '\n' ? "\\n" : b == '\r' ? "\\r"
          : String.format("\\x%02x", b));
    }
    return out.toString();
  }

  /** A request head as text: the request line, then {@code Name: value} lines. */
  private record HeadRequest(String method, String httpVersion, List<String[]> fields)
      implements StrictHandshake.Request {

    static HeadRequest parse(String text) {
      String[] lines = text.split("\r?\n", -1);
      String[] requestLine = lines[0].split(" ", -1);
      List<String[]> fields = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          fields.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()});
        }
      }
      return new HeadRequest(requestLine[0], requestLine.length > 2 ? requestLine[2] : "", fields);
    }

    @Override
    public List<String> headers(String name) {
      List<String> values = new ArrayList<>();
      for (String[] field : fields) {
        if (field[0].equalsIgnoreCase(name)) {
          values.add(field[1]);
        }
      }
      return values;
    }
  }
}
