package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.common.Version;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketVersion;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed upgrades, as a raw socket sends them and as the JDK's HttpURLConnection sends them (an independent HTTP
 * implementation, allowed to set Upgrade/Connection by {@code sun.net.http.allowRestrictedHeaders}), each answered
 * with the status RFC 6455 asks for and the reason in the body. (Vert.x's HTTP client rewrites Connection itself, so
 * it cannot send these requests faithfully.)
 */
class StrictHandshakeAcceptanceTest {

  private static Vertx vertx;
  private static WsChaosServer server;

  @BeforeAll
  static void start() {
    System.setProperty("sun.net.http.allowRestrictedHeaders", "true");
    vertx = Vertx.vertx();
    server = Simulators.start(Plan.healthy().withHandshake(
        HandshakePolicy.DEFAULT.withAllowedOrigins(List.of("https://app.example.com", "https://*.example.org"))));
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close();
  }

  @Test
  void missingKeyIs400WithTheReason() throws Exception {
    assertRefused(h -> h.remove("Sec-WebSocket-Key"), 400, "no Sec-WebSocket-Key header");
  }

  @Test
  void shortKeyIs400WithTheReason() throws Exception {
    assertRefused(h -> h.put("Sec-WebSocket-Key", "abcde"), 400, "is not valid base64");
    assertRefused(h -> h.put("Sec-WebSocket-Key", "YWJjZGU="), 400, "decodes to 5 bytes; it must be 16 random bytes");
  }

  @Test
  void versionOtherThan13Is426WithTheSupportedVersion() throws Exception {
    RawClient.Response response = assertRefused(h -> h.put("Sec-WebSocket-Version", "8"), 426,
        "Sec-WebSocket-Version 8 is not supported");
    assertThat(response.header("Sec-WebSocket-Version")).isEqualTo("13");

    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(server.host()).setPort(server.port())
        .setURI("/").setVersion(WebSocketVersion.V08);
    Throwable failure = vertx.createWebSocketClient().connect(options).toCompletionStage().toCompletableFuture()
        .handle((ws, e) -> e).get(10, TimeUnit.SECONDS);
    assertThat(failure).isInstanceOf(UpgradeRejectedException.class);
    assertThat(((UpgradeRejectedException) failure).getStatus()).isEqualTo(426);
    assertThat(((UpgradeRejectedException) failure).getHeaders().get("Sec-WebSocket-Version")).isEqualTo("13");
  }

  @Test
  void missingUpgradeHeaderIs400NamingTheProxyCause() throws Exception {
    assertRefused(h -> h.remove("Upgrade"), 400, "no 'Upgrade: websocket' header: a proxy in front of the server");
  }

  @Test
  void missingConnectionUpgradeIs400NamingTheProxyCause() throws Exception {
    assertRefused(h -> h.put("Connection", "keep-alive"), 400,
        "'Connection: keep-alive' does not contain the upgrade token");
    // HttpURLConnection always sends a Connection header ("close" here), so only the raw socket sends none at all
    assertRefused(h -> h.remove("Connection"), 400, "no 'Connection: Upgrade' header",
        "'Connection: close' does not contain the upgrade token");
  }

  @Test
  void connectionHeaderWithSeveralTokensIsAccepted() throws Exception {
    try (RawClient raw = RawClient.open(server.wsUrl())) {
      Map<String, String> headers = RawClient.upgradeHeaders(server.wsUrl());
      headers.put("Connection", "keep-alive, Upgrade");
      raw.sendRequest("GET", "/", headers);
      assertThat(raw.readResponse().status()).isEqualTo(101);
    }
  }

  @Test
  void postIs405() throws Exception {
    try (RawClient raw = RawClient.open(server.wsUrl())) {
      raw.sendRequest("POST", "/", RawClient.upgradeHeaders(server.wsUrl()));
      RawClient.Response response = raw.readResponse();
      assertThat(response.status()).isEqualTo(405);
      assertThat(response.header("Allow")).isEqualTo("GET");
      assertThat(response.body()).contains("method POST is not allowed");
    }
    HttpResult response = send("POST", "/", RawClient.upgradeHeaders(server.wsUrl()));
    assertThat(response.status()).isEqualTo(405);
  }

  @Test
  void plainHttpGetIs400ExplainingWhatIsMissing() throws Exception {
    HttpResult response = send("GET", "/feed", Map.of());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("no 'Upgrade: websocket' header", "no Sec-WebSocket-Key header");
  }

  @Test
  void originNotAllowedIs403ForEveryClient() throws Exception {
    assertRefused(h -> h.put("Origin", "https://evil.example.net"), 403,
        "Origin 'https://evil.example.net' is not allowed");

    Throwable jdk = JdkClient.connectFailure(server.wsUrl(), Map.of("Origin", "https://evil.example.net"), List.of());
    assertThat(jdk).isInstanceOf(WebSocketHandshakeException.class);
    assertThat(((WebSocketHandshakeException) jdk).getResponse().statusCode()).isEqualTo(403);

    Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl(), Map.of("Origin", "https://evil.example.net"), List.of());
    assertThat(((UpgradeRejectedException) vx).getStatus()).isEqualTo(403);
    assertThat(((UpgradeRejectedException) vx).getBody().toString()).contains("is not allowed");
  }

  @Test
  void allowedOriginsAndClientsWithoutOriginConnect() throws Exception {
    try (JdkClient exact = JdkClient.connect(server.wsUrl(), Map.of("Origin", "https://app.example.com"), List.of());
         JdkClient none = JdkClient.connect(server.wsUrl());
         VertxClient glob = VertxClient.connect(vertx, server.wsUrl(), Map.of("Origin", "https://eu.example.org"), List.of())) {
      exact.send("ping");
      assertThat(exact.nextMessage()).isEqualTo("ping");
      none.send("ping");
      assertThat(none.nextMessage()).isEqualTo("ping");
      glob.send("ping");
      assertThat(glob.nextMessage()).isEqualTo("ping");
    }
  }

  @Test
  void vertxClientSendsItsOwnOriginByDefaultSoAnOriginListRefusesIt() {
    // Vert.x's WebSocket client adds "Origin: http://host:port" unless told not to: worth knowing before setting
    // allowedOrigins in a plan.
    Throwable vx = VertxClient.connectFailure(vertx, server.wsUrl());
    assertThat(((UpgradeRejectedException) vx).getStatus()).isEqualTo(403);
    assertThat(((UpgradeRejectedException) vx).getBody().toString())
        .contains("Origin 'http://" + server.host() + ":" + server.port() + "' is not allowed");
  }

  @Test
  void lenientModeAcceptsWhatStrictModeRefuses() throws Exception {
    try (WsChaosServer lenient = Simulators.start(Plan.healthy().withHandshake(HandshakePolicy.DEFAULT.withStrict(false)));
         RawClient raw = RawClient.open(lenient.wsUrl())) {
      Map<String, String> headers = RawClient.upgradeHeaders(lenient.wsUrl());
      headers.put("Sec-WebSocket-Key", "abcde");
      raw.sendRequest("GET", "/", headers);
      assertThat(raw.readResponse().status()).isEqualTo(101);
    }
  }

  private static RawClient.Response assertRefused(Consumer<Map<String, String>> breakRequest, int status, String reason)
      throws Exception {
    return assertRefused(breakRequest, status, reason, reason);
  }

  private static RawClient.Response assertRefused(Consumer<Map<String, String>> breakRequest, int status, String reason,
                                                  String httpClientReason) throws Exception {
    Map<String, String> headers = RawClient.upgradeHeaders(server.wsUrl());
    breakRequest.accept(headers);
    RawClient.Response response;
    try (RawClient raw = RawClient.open(server.wsUrl())) {
      raw.sendRequest("GET", "/chat", headers);
      response = raw.readResponse();
    }
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.body()).startsWith("wschaos refused this WebSocket upgrade (" + status + ")").contains(reason);

    HttpResult jdkResponse = send("GET", "/chat", headers);
    assertThat(jdkResponse.status()).isEqualTo(status);
    assertThat(jdkResponse.body()).contains(httpClientReason);
    return response;
  }

  private record HttpResult(int status, String body) {}

  private static HttpResult send(String method, String path, Map<String, String> headers) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) java.net.URI.create(
        "http://" + server.host() + ":" + server.port() + path).toURL().openConnection();
    try {
      connection.setRequestMethod(method);
      connection.setConnectTimeout(10_000);
      connection.setReadTimeout(10_000);
      headers.forEach(connection::setRequestProperty);
      if (!headers.containsKey("Connection")) {
        connection.setRequestProperty("Connection", "close");
      }
      int status = connection.getResponseCode();
      try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
        return new HttpResult(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
    } finally {
      connection.disconnect();
    }
  }
}
