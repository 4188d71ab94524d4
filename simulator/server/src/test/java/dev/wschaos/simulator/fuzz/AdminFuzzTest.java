package dev.wschaos.simulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the admin API through its real router over a socket: request bodies (plans, rules, TLS policies, fleet
 * actions, as JSON or YAML) and query parameters. An input is text: {@code METHOD /path?query}, then the
 * {@code Content-Type} (empty line: none), then the body, e.g.
 * <pre>{@code
 * POST /actions
 * application/json
 * {"type":"close","code":4000}
 * }</pre>
 * Every request is answered 2xx-4xx, every 4xx with an {@code application/problem+json} body of that status (never a
 * 500), and the API still answers {@code GET /health} after it. Corpus:
 * {@code src/test/resources/dev/wschaos/simulator/fuzz/AdminFuzzTestInputs/adminRequest/}.
 */
class AdminFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static FuzzedServer server;

  @BeforeAll
  static void start() throws Exception {
    server = FuzzedServer.start(true);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @FuzzTest(maxDuration = "60s")
  void adminRequest(byte[] input) throws Exception {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
    String[] requestLine = parts[0].split(" ", 2);
    String method = requestLine[0].matches("[A-Z]{1,12}") ? requestLine[0] : "GET";
    String target = target(requestLine.length > 1 ? requestLine[1] : "/");
    String type = parts.length > 1 ? parts[1].replaceAll("[^ -~]", "").trim() : "";
    byte[] body = parts.length > 2 ? parts[2].getBytes(StandardCharsets.UTF_8) : new byte[0];
    WireProbe.Outcome outcome = WireProbe.send(server.adminAddress(), request(method, target, type, body),
        FuzzedServer.TIMEOUT_MS);
    String finding = problemFinding(method, outcome);
    if (finding != null) {
      throw new AssertionError(finding + "\nfor " + method + " " + target + " (" + type + ") "
          + HandshakeFuzzTest.printable(body));
    }
    WireProbe.Outcome health = WireProbe.send(server.adminAddress(), request("GET", "/health", "", new byte[0]),
        FuzzedServer.TIMEOUT_MS);
    if (health.status() != 200) {
      throw new AssertionError("GET /health after the input: " + health.head());
    }
  }

  private static String problemFinding(String method, WireProbe.Outcome outcome) throws Exception {
    if (outcome.end() == WireProbe.End.HUNG || outcome.status() < 200 || outcome.status() > 499) {
      return "answered " + outcome.head() + " (" + outcome.end() + "): " + outcome.body();
    }
    if (outcome.status() < 400 || method.equals("HEAD")) {
      return null;
    }
    String type = String.valueOf(outcome.header("Content-Type"));
    if (!type.startsWith("application/problem+json")) {
      return outcome.status() + " without a problem body (" + type + "): " + outcome.body();
    }
    JsonNode problem = JSON.readTree(outcome.body());
    if (problem.path("status").asInt() != outcome.status() || problem.path("detail").asText().isBlank()) {
      return "a problem body that does not say what is wrong: " + outcome.body();
    }
    return null;
  }

  /** The fuzzed path and query, percent-encoded where HTTP does not allow the character as it is. */
  private static String target(String raw) {
    StringBuilder out = new StringBuilder(raw.startsWith("/") ? "" : "/");
    for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      out.append(c > 0x20 && c < 0x7f && c != '#' ? String.valueOf((char) c)
          : String.format(Locale.ROOT, "%%%02X", c));
    }
    return out.toString();
  }

  private static byte[] request(String method, String target, String type, byte[] body) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: ").append(server.adminAddress().getHostString()).append(':')
        .append(server.adminAddress().getPort()).append("\r\nConnection: close\r\n")
        .append("Content-Length: ").append(body.length).append("\r\n");
    if (!type.isEmpty()) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    return out.toByteArray();
  }
}
