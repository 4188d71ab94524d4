package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.fault.handshake.MangledUpgradeFault;
import dev.wschaos.simulator.fault.handshake.NginxErrorFault;
import dev.wschaos.simulator.fault.handshake.RawResponseFault;
import dev.wschaos.simulator.fault.handshake.SlowHeadersFault;
import dev.wschaos.simulator.fault.handshake.WrongStatusFault;
import dev.wschaos.simulator.support.Failures;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answers real proxies and frameworks give instead of a clean 101: exact bytes, and what clients make of them. */
class HandshakeAnswersAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  @Test
  void wrongStatus200SendsAnIndexPageThatClientsRefuse() throws Exception {
    try (WsChaosServer server = Simulators.withFault(WrongStatusFault.status(200))) {
      String expected = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
          + WrongStatusFault.INDEX_HTML.length() + "\r\n\r\n" + WrongStatusFault.INDEX_HTML;
      assertThat(exchange(server, expected.length())).isEqualTo(expected);

      Throwable jdk = JdkClient.connectFailure(server.wsUrl());
      assertThat(jdk).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) jdk).getResponse().statusCode()).isEqualTo(200);
      assertThat(Failures.chain(jdk)).contains("Unexpected HTTP response status code 200");

      Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl());
      assertThat(vx).isInstanceOf(UpgradeRejectedException.class);
      assertThat(((UpgradeRejectedException) vx).getStatus()).isEqualTo(200);
      assertThat(((UpgradeRejectedException) vx).getBody().toString()).isEqualTo(WrongStatusFault.INDEX_HTML);
    }
  }

  @Test
  void wrongStatusWritesTheVersionAndHeadersGivenAndClosesOnConnectionClose() throws Exception {
    WrongStatusFault fault = new WrongStatusFault(426, null, "HTTP/1.0",
        Map.of("Upgrade", "TLS/1.2, HTTP/1.1", "Connection", "close"), "");
    try (WsChaosServer server = Simulators.withFault(fault);
         RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
      RawClient.Response response = raw.readResponse();
      assertThat(response.statusLine()).isEqualTo("HTTP/1.0 426 Upgrade Required");
      assertThat(response.header("Upgrade")).isEqualTo("TLS/1.2, HTTP/1.1");
      assertThat(response.header("Content-Length")).isEqualTo("0");
      assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.FIN);

      Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl());
      assertThat(((UpgradeRejectedException) vx).getStatus()).isEqualTo(426);
      assertThat(((UpgradeRejectedException) vx).getHeaders().get("Upgrade")).isEqualTo("TLS/1.2, HTTP/1.1");
    }
  }

  @Test
  void nginx502IsNginxsOwnPageByteForByte() throws Exception {
    try (WsChaosServer server = Simulators.withFault(NginxErrorFault.status(502))) {
      String page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
          + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
      String head = "HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
          + "Content-Type: text/html\r\nContent-Length: 150\r\nConnection: keep-alive\r\n\r\n";
      String wire = exchange(server, head.length() + page.length());
      assertThat(wire.replaceFirst("Date: [^\r]+", "Date: Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(head + page);
      assertThat(wire).containsPattern("\r\nDate: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n");

      Throwable jdk = JdkClient.connectFailure(server.wsUrl());
      assertThat(((WebSocketHandshakeException) jdk).getResponse().statusCode()).isEqualTo(502);
      Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl());
      assertThat(((UpgradeRejectedException) vx).getStatus()).isEqualTo(502);
      assertThat(((UpgradeRejectedException) vx).getHeaders().get("Server")).isEqualTo("nginx");
      assertThat(((UpgradeRejectedException) vx).getBody().toString()).isEqualTo(page);
    }
  }

  @Test
  void nginx400And504CarryTheirTitlesAnd400Closes() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new NginxErrorFault(400, "1.24.0"));
         RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
      RawClient.Response response = raw.readResponse();
      assertThat(response.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
      assertThat(response.header("Server")).isEqualTo("nginx/1.24.0");
      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(response.body()).contains("<title>400 Bad Request</title>", "<hr><center>nginx/1.24.0</center>");
      assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.FIN);
    }
    try (WsChaosServer server = Simulators.withFault(NginxErrorFault.status(504));
         RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
      RawClient.Response response = raw.readResponse();
      assertThat(response.statusLine()).isEqualTo("HTTP/1.1 504 Gateway Time-out");
      assertThat(response.header("Connection")).isEqualTo("keep-alive");
      assertThat(response.body()).contains("<center><h1>504 Gateway Time-out</h1></center>");
    }
  }

  @Test
  void a101WithoutUpgradeIsRefused() throws Exception {
    try (WsChaosServer server = Simulators.withFault(MangledUpgradeFault.omitting("Upgrade"))) {
      Map<String, String> request = RawClient.upgradeHeaders(server.wsUrl());
      String expected = "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
          + acceptFor(request.get("Sec-WebSocket-Key")) + "\r\n\r\n";
      assertThat(exchange(server, request, expected.length())).isEqualTo(expected);

      assertThat(Failures.chain(JdkClient.connectFailure(server.wsUrl())))
          .contains("WebSocketHandshakeException", "Response field missing: Upgrade");
      assertThat(Failures.chain(VertxClient.connectFailure(vertx, server.wsUrl())))
          .contains("WebSocketClientHandshakeException: Invalid handshake response upgrade: null");
    }
  }

  @Test
  void a101WithoutConnectionIsRefused() throws Exception {
    try (WsChaosServer server = Simulators.withFault(MangledUpgradeFault.omitting("Connection"))) {
      Map<String, String> request = RawClient.upgradeHeaders(server.wsUrl());
      String expected = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: "
          + acceptFor(request.get("Sec-WebSocket-Key")) + "\r\n\r\n";
      assertThat(exchange(server, request, expected.length())).isEqualTo(expected);

      assertThat(Failures.chain(JdkClient.connectFailure(server.wsUrl())))
          .contains("WebSocketHandshakeException", "Response field missing: Connection");
      assertThat(Failures.chain(VertxClient.connectFailure(vertx, server.wsUrl())))
          .contains("WebSocketClientHandshakeException: Invalid handshake response connection: null");
    }
  }

  @Test
  void a101ToH2cIsRefused() throws Exception {
    try (WsChaosServer server = Simulators.withFault(
        new MangledUpgradeFault(null, Map.of("Upgrade", "h2c"), null, null))) {
      Map<String, String> request = RawClient.upgradeHeaders(server.wsUrl());
      String expected = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + acceptFor(request.get("Sec-WebSocket-Key")) + "\r\n\r\n";
      assertThat(exchange(server, request, expected.length())).isEqualTo(expected);

      assertThat(Failures.chain(JdkClient.connectFailure(server.wsUrl())))
          .contains("WebSocketHandshakeException", "Bad response field: Upgrade");
      assertThat(Failures.chain(VertxClient.connectFailure(vertx, server.wsUrl())))
          .contains("WebSocketClientHandshakeException: Invalid handshake response upgrade: h2c");
    }
  }

  @Test
  void anHttp10StatusLineIsAcceptedByBothJavaClientsThenNothingFollows() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new MangledUpgradeFault(null, null, "HTTP/1.0", null))) {
      Map<String, String> request = RawClient.upgradeHeaders(server.wsUrl());
      String expected = "HTTP/1.0 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + acceptFor(request.get("Sec-WebSocket-Key")) + "\r\n\r\n";
      assertThat(exchange(server, request, expected.length())).isEqualTo(expected);

      try (JdkClient jdk = JdkClient.connect(server.wsUrl());
           VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        assertThat(jdk.webSocket().isInputClosed()).isFalse();
        assertThat(vx.webSocket().isClosed()).isFalse();
      }
    }
  }

  @Test
  void htmlAfterA101IsAProtocolErrorOnceConnected() throws Exception {
    String html = "<html><body>Welcome</body></html>\n";
    try (WsChaosServer server = Simulators.withFault(new MangledUpgradeFault(null, null, null, html))) {
      Map<String, String> request = RawClient.upgradeHeaders(server.wsUrl());
      String expected = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + acceptFor(request.get("Sec-WebSocket-Key")) + "\r\n\r\n" + html;
      assertThat(exchange(server, request, expected.length())).isEqualTo(expected);

      try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
        assertThat(Failures.chain(jdk.awaitError()))
            .contains("java.net.ProtocolException", "FailWebSocketException: Unexpected rsv2 bit");
      }
      try (VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
        VertxClient.Closed closed = vx.awaitClose();
        assertThat(closed.code()).isEqualTo((short) 1006);
        assertThat(Failures.chain(vx.error()))
            .contains("CorruptedWebSocketFrameException: RSV != 0 and no extension negotiated, RSV:3");
      }
    }
  }

  @Test
  void rawResponseWritesExactlyItsBytes() throws Exception {
    byte[] bytes = "HTTP/1.1 200 OK\r\nX-Odd:  spaced \r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.UTF_8);
    RawResponseFault fault = new RawResponseFault(null, Base64.getEncoder().encodeToString(bytes), true);
    try (WsChaosServer server = Simulators.withFault(fault);
         RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
      assertThat(raw.readExactly(bytes.length + 1)).isEqualTo(bytes);
    }
    try (WsChaosServer server = Simulators.withFault(RawResponseFault.text("SSH-2.0-OpenSSH_9.6\r\n"))) {
      assertThat(Failures.chain(JdkClient.connectFailure(server.wsUrl())))
          .contains("java.net.ProtocolException: Invalid status line: \"SSH-2.0-OpenSSH_9.6\"");
      Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl());
      assertThat(vx).isInstanceOf(UpgradeRejectedException.class);
      assertThat(((UpgradeRejectedException) vx).getStatus()).as("Vert.x's code for no HTTP status").isEqualTo(999);
    }
  }

  @Test
  void slowHeadersTrickleThe101LineByLineThenTheConnectionWorks() throws Exception {
    Duration interval = Duration.ofMillis(150);
    try (WsChaosServer server = Simulators.withFault(new SlowHeadersFault(interval));
         RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
      byte[] buffer = new byte[1024];
      StringBuilder head = new StringBuilder();
      List<Long> arrivals = new ArrayList<>();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int n = raw.readSome(buffer);
        assertThat(n).as("the server closed before the end of the head").isPositive();
        arrivals.add(System.nanoTime());
        head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
      String[] lines = head.toString().split("\r\n", -1);
      assertThat(lines[0]).isEqualTo("HTTP/1.1 101 Switching Protocols");
      int headerLines = lines.length - 3;
      assertThat(headerLines).isGreaterThanOrEqualTo(3);
      // the status line goes at once, every header line and the final empty line each one interval later
      long spread = arrivals.get(arrivals.size() - 1) - arrivals.get(0);
      assertThat(Duration.ofNanos(spread)).isGreaterThanOrEqualTo(interval.multipliedBy(headerLines));
      assertThat(arrivals.size()).isGreaterThan(1);

      raw.sendText("after a slow head");
      assertThat(raw.readFrame().text()).isEqualTo("after a slow head");
    }
    try (WsChaosServer server = Simulators.withFault(new SlowHeadersFault(interval));
         JdkClient jdk = JdkClient.connect(server.wsUrl());
         VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
      jdk.send("jdk");
      assertThat(jdk.nextMessage()).isEqualTo("jdk");
      vx.send("vertx");
      assertThat(vx.nextMessage()).isEqualTo("vertx");
    }
  }

  private static String exchange(WsChaosServer server, int length) throws Exception {
    return exchange(server, RawClient.upgradeHeaders(server.wsUrl()), length);
  }

  /** Send {@code request}, read {@code length} bytes of answer (and check nothing more came with them). */
  private static String exchange(WsChaosServer server, Map<String, String> request, int length) throws Exception {
    try (RawClient raw = RawClient.open(server.wsUrl())) {
      raw.sendRequest("GET", "/", request);
      byte[] answer = raw.readExactly(length);
      raw.setReadTimeout(200);
      byte[] more = new byte[64];
      int extra;
      try {
        extra = raw.readSome(more);
      } catch (java.net.SocketTimeoutException e) {
        extra = 0;
      }
      assertThat(extra).as("bytes after the expected answer").isLessThanOrEqualTo(0);
      return new String(answer, StandardCharsets.UTF_8);
    }
  }

  private static String acceptFor(String key) throws Exception {
    byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1")
        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
    return Base64.getEncoder().encodeToString(sha1);
  }

}
