package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.fault.handshake.AbortFault;
import dev.wschaos.simulator.fault.handshake.BadAcceptFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.fault.handshake.StallFault;
import dev.wschaos.simulator.fault.handshake.SubprotocolMismatchFault;
import dev.wschaos.simulator.support.Failures;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandshakeFaultsAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  @Test
  void rejectGivesTheStatusHeadersAndBodyToEveryClient() throws Exception {
    RejectFault fault = new RejectFault(503, Map.of("Retry-After", "7"), "deploying, come back later", null);
    try (WsChaosServer server = Simulators.withFault(fault)) {
      Throwable jdk = JdkClient.connectFailure(server.wsUrl());
      assertThat(jdk).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(((WebSocketHandshakeException) jdk).getResponse().statusCode()).isEqualTo(503);

      Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl());
      assertThat(vx).isInstanceOf(UpgradeRejectedException.class);
      UpgradeRejectedException rejected = (UpgradeRejectedException) vx;
      assertThat(rejected.getStatus()).isEqualTo(503);
      assertThat(rejected.getHeaders().get("Retry-After")).isEqualTo("7");
      assertThat(rejected.getBody().toString()).isEqualTo("deploying, come back later");

      try (RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
        RawClient.Response response = raw.readResponse();
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(response.body()).isEqualTo("deploying, come back later");
      }
    }
  }

  @Test
  void rejectWithoutBodySendsTheReasonPhrase() throws Exception {
    try (WsChaosServer server = Simulators.withFault(RejectFault.status(429));
         RawClient raw = RawClient.open(server.wsUrl())) {
      raw.sendRequest("GET", "/", RawClient.upgradeHeaders(server.wsUrl()));
      RawClient.Response response = raw.readResponse();
      assertThat(response.status()).isEqualTo(429);
      assertThat(response.body()).isEqualTo("429 Too Many Requests\n");
    }
  }

  @Test
  void rejectWithDelayAnswersNoSooner() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new RejectFault(401, null, null, Duration.ofMillis(600)))) {
      long start = System.nanoTime();
      Throwable jdk = JdkClient.connectFailure(server.wsUrl());
      long jdkMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(((WebSocketHandshakeException) jdk).getResponse().statusCode()).isEqualTo(401);
      assertThat(jdkMillis).isGreaterThanOrEqualTo(550);

      start = System.nanoTime();
      Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl());
      assertThat(((UpgradeRejectedException) vx).getStatus()).isEqualTo(401);
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(550);
    }
  }

  @Test
  void stallNeverAnswersSoClientsTimeOut() throws Exception {
    try (WsChaosServer server = Simulators.withFault(StallFault.forever())) {
      var jdk = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofMillis(800))
          .buildAsync(server.wsUrl(), new WebSocket.Listener() {});
      ExecutionException jdkFailure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> jdk.get(10, TimeUnit.SECONDS));
      assertThat(jdkFailure.getCause()).isInstanceOf(HttpTimeoutException.class);

      var options = new io.vertx.core.http.WebSocketConnectOptions().setHost(server.host()).setPort(server.port())
          .setURI("/").setTimeout(800);
      Throwable vx = vertx.createWebSocketClient().connect(options)
          .toCompletionStage().toCompletableFuture().handle((ws, e) -> e).get(10, TimeUnit.SECONDS);
      // Vert.x closes the connection when its own timer fires and reports the handshake as cut short. That timer is
      // the client's business (once, in a full run, its pool evicted the connection after 204 ms of an 800 ms
      // timeout), so only the failure is asserted here; the raw socket below shows the server never answers.
      assertThat(Failures.chain(vx)).contains("Connection closed while handshake in process");

      try (RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
        assertThat(raw.readToEnd(1000)).isEqualTo(RawClient.End.TIMEOUT);
      }
    }
  }

  @Test
  void stallForADurationThenClosesTcp() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new StallFault(Duration.ofMillis(300)));
         RawClient raw = RawClient.open(server.wsUrl())) {
      raw.sendRequest("GET", "/", RawClient.upgradeHeaders(server.wsUrl()));
      assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.FIN);
    }
  }

  @Test
  void abortClosesTcpWithoutAnyResponse() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new AbortFault(false))) {
      Throwable jdk = JdkClient.connectFailure(server.wsUrl());
      assertThat(jdk).isInstanceOf(IOException.class).isNotInstanceOf(WebSocketHandshakeException.class);

      Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl());
      assertThat(vx).isNotInstanceOf(UpgradeRejectedException.class);

      try (RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
        assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.FIN);
      }
    }
  }

  @Test
  void abortWithResetSendsRst() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new AbortFault(true))) {
      Throwable jdk = JdkClient.connectFailure(server.wsUrl());
      assertThat(jdk).isInstanceOf(IOException.class);
      assertThat(VertxClient.connectFailure(vertx, server.wsUrl())).isNotInstanceOf(UpgradeRejectedException.class);
      try (RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
        assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.RESET);
      }
    }
  }

  @Test
  void badAcceptIsRefusedByCompliantClients() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new BadAcceptFault(null))) {
      Throwable jdk = JdkClient.connectFailure(server.wsUrl());
      assertThat(jdk).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(Failures.chain(jdk)).contains("Bad Sec-WebSocket-Accept");

      Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl());
      assertThat(Failures.chain(vx)).contains("WebSocketClientHandshakeException: Invalid challenge. Actual: "
          + BadAcceptFault.DEFAULT_WRONG_ACCEPT);

      try (RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
        RawClient.Response response = raw.readResponse();
        assertThat(response.status()).isEqualTo(101);
        assertThat(response.header("Sec-WebSocket-Accept")).isEqualTo(BadAcceptFault.DEFAULT_WRONG_ACCEPT);
      }
    }
  }

  @Test
  void unexpectedSubprotocolIsRefusedByCompliantClients() throws Exception {
    try (WsChaosServer server = Simulators.withFault(new SubprotocolMismatchFault(null, null))) {
      Throwable jdk = JdkClient.connectFailure(server.wsUrl(), Map.of(), List.of("chat.v1"));
      assertThat(jdk).isInstanceOf(WebSocketHandshakeException.class);
      assertThat(Failures.chain(jdk)).contains("Unexpected subprotocol: " + SubprotocolMismatchFault.DEFAULT_PROTOCOL);

      assertVertxRefusesHandshake(server);

      try (RawClient raw = RawClient.open(server.wsUrl())) {
        Map<String, String> headers = RawClient.upgradeHeaders(server.wsUrl());
        headers.put("Sec-WebSocket-Protocol", "chat.v1");
        raw.sendRequest("GET", "/", headers);
        RawClient.Response response = raw.readResponse();
        assertThat(response.status()).isEqualTo(101);
        assertThat(response.header("Sec-WebSocket-Protocol")).isEqualTo(SubprotocolMismatchFault.DEFAULT_PROTOCOL);
      }
    }
  }

  @Test
  void missingSubprotocolFailsClientsThatRequireOne() throws Exception {
    SubprotocolMismatchFault fault = new SubprotocolMismatchFault(SubprotocolMismatchFault.Mode.MISSING, null);
    try (WsChaosServer server = Simulators.withFault(fault)) {
      assertVertxRefusesHandshake(server);

      // The JDK client accepts a server that selects none (RFC 6455 allows it): it reports an empty subprotocol.
      try (JdkClient jdk = JdkClient.connect(server.wsUrl(), Map.of(), List.of("chat.v1"))) {
        assertThat(jdk.webSocket().getSubprotocol()).isEmpty();
      }
      try (RawClient raw = RawClient.open(server.wsUrl())) {
        Map<String, String> headers = RawClient.upgradeHeaders(server.wsUrl());
        headers.put("Sec-WebSocket-Protocol", "chat.v1");
        raw.sendRequest("GET", "/", headers);
        RawClient.Response response = raw.readResponse();
        assertThat(response.status()).isEqualTo(101);
        assertThat(response.header("Sec-WebSocket-Protocol")).isNull();
      }
    }
  }

  /**
   * Netty's client (Vert.x, Gatling) checks the subprotocol and fails the handshake; depending on a race inside it,
   * the message is "Invalid subprotocol. Actual: ..." or "Connection closed while handshake in process".
   */
  private static void assertVertxRefusesHandshake(WsChaosServer server) {
    Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl(), Map.of(), List.of("chat.v1"));
    assertThat(vx).isInstanceOf(io.netty.handler.codec.http.websocketx.WebSocketHandshakeException.class);
    assertThat(Failures.chain(vx)).containsAnyOf("Invalid subprotocol", "Connection closed while handshake in process");
  }

  @Test
  void healthyServerSelectsAnOfferedSubprotocol() throws Exception {
    try (WsChaosServer server = Simulators.start(dev.wschaos.simulator.plan.Plan.healthy());
         JdkClient jdk = JdkClient.connect(server.wsUrl(), Map.of(), List.of("chat.v2", "chat.v1"));
         VertxClient vx = VertxClient.connect(vertx, server.wsUrl(), Map.of(), List.of("chat.v1"))) {
      assertThat(jdk.webSocket().getSubprotocol()).isEqualTo("chat.v2");
      assertThat(vx.webSocket().subProtocol()).isEqualTo("chat.v1");
    }
  }
}
