package dev.wschaos.simulator.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.fleet.Limits.OverCapacity;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.server.ServerLimits;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DSL's capacity ({@code limits()}) and handshake-timeout verbs, embedded and through the admin API
 * ({@code PUT/DELETE /plan/limits}, {@code PUT /plan/handshake}): real JDK clients get the 503 with
 * {@code Retry-After} or the 1013, raw sockets see a half-sent upgrade cut or held.
 */
class CapacityAndHandshakeDslAcceptanceTest {

  private static final String TOKEN = "s3cret";
  private static final Duration SERVER_HANDSHAKE_TIMEOUT = Duration.ofMillis(300);
  private static WsChaosServer server;

  @BeforeAll
  static void start() {
    server = WsChaosServer.builder().admin(AdminSettings.loopback(0).withToken(TOKEN))
        .limits(ServerLimits.defaults().withHandshakeTimeout(SERVER_HANDSHAKE_TIMEOUT))
        .closeTimeout(Duration.ofSeconds(1)).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.act(CloseAction.all(1000, "next test"));
    Awaitility.await().until(() -> server.openConnections() == 0);
    server.reset();
  }

  private static Chaos chaos(String target) {
    return Chaos.of(target.equals("remote") ? ChaosTarget.remote(server.adminUrl(), TOKEN) : server);
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void maxConnectionsRefusesWith503AndRetryAfterUntilCleared(String target) throws Exception {
    Chaos chaos = chaos(target);
    chaos.onConnection().forClient("nobody").close(4000);
    chaos.limits().maxConnections(1, Duration.ofSeconds(7));
    assertThat(server.plan().rules()).as("an edit: the rules stay").hasSize(1);

    try (JdkClient first = JdkClient.connect(server.wsUrl("/?clientId=cap1"))) {
      chaos.awaitConnections(1);
      Throwable refused = JdkClient.connectFailure(server.wsUrl("/?clientId=cap2"));
      assertThat(refused).isInstanceOf(WebSocketHandshakeException.class);
      var response = ((WebSocketHandshakeException) refused).getResponse();
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("7");

      chaos.limits().clear();
      assertThat(server.plan().limits()).isNull();
      try (JdkClient second = JdkClient.connect(server.wsUrl("/?clientId=cap2"))) {
        second.send("in");
        assertThat(second.nextMessage()).isEqualTo("in");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void overCapacityClose1013AcceptsThenCloses(String target) throws Exception {
    Chaos chaos = chaos(target);
    chaos.limits().maxConnections(1, OverCapacity.CLOSE_1013);
    try (JdkClient first = JdkClient.connect(server.wsUrl("/?clientId=full1"));
         JdkClient second = JdkClient.connect(server.wsUrl("/?clientId=full2"))) {
      assertThat(second.awaitClose().code()).isEqualTo(1013);
      first.send("still here");
      assertThat(first.nextMessage()).isEqualTo("still here");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void invalidLimitsAreRefusedWithTheirFieldAndChangeNothing(String target) {
    Chaos chaos = chaos(target);
    chaos.limits().maxConnections(5);
    assertThatThrownBy(() -> chaos.limits().maxConnections(-1)).isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("limits.maxConnections").hasMessageContaining("cannot be negative");
    assertThat(server.plan().limits()).isEqualTo(Limits.maxConnections(5, OverCapacity.REJECT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void noHandshakeTimeoutHoldsAHalfRequestAndTheServersCutsItAgain(String target) throws Exception {
    Chaos chaos = chaos(target);
    server.replaceHandshake(server.plan().handshake().withAllowedOrigins(List.of("https://app.test")));
    chaos.noHandshakeTimeout();
    assertThat(server.plan().handshake().timeout()).isEqualTo(Duration.ZERO);
    assertThat(server.plan().handshake().allowedOrigins()).as("the other settings stay")
        .containsExactly("https://app.test");
    try (RawClient half = RawClient.open(server.wsUrl("/"))) {
      half.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");
      assertThat(half.readToEnd(1_500)).as("held well past the server's 300 ms").isEqualTo(RawClient.End.TIMEOUT);
    }

    chaos.serverHandshakeTimeout();
    assertThat(server.plan().handshake().timeout()).isNull();
    try (RawClient half = RawClient.open(server.wsUrl("/"))) {
      half.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");
      assertThat(half.readToEnd(30_000)).as("cut by the server's 300 ms").isIn(RawClient.End.FIN, RawClient.End.RESET);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void aHandshakeTimeoutReplacesTheServersForLaterConnections(String target) throws Exception {
    Chaos chaos = chaos(target);
    chaos.handshakeTimeout(Duration.ofMinutes(5));
    try (RawClient half = RawClient.open(server.wsUrl("/"))) {
      half.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");
      assertThat(half.readToEnd(1_500)).as("5 minutes, not the server's 300 ms").isEqualTo(RawClient.End.TIMEOUT);

      chaos.handshakeTimeout(Duration.ofMillis(200));
      try (RawClient later = RawClient.open(server.wsUrl("/"))) {
        later.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");
        assertThat(later.readToEnd(30_000)).isIn(RawClient.End.FIN, RawClient.End.RESET);
      }
    }
    assertThatThrownBy(() -> chaos.handshakeTimeout(Duration.ofSeconds(-1))).isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("handshake.timeout").hasMessageContaining("negative");
  }
}
