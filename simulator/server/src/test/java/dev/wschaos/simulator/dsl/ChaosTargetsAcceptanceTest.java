package dev.wschaos.simulator.dsl;

import static dev.wschaos.simulator.dsl.Share.percent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.TlsClients;
import dev.wschaos.simulator.tls.TlsSettings;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same DSL calls against one simulator, driven in process ({@code embedded}) and through its admin API
 * ({@code remote}): real JDK clients observe the same faults either way.
 */
class ChaosTargetsAcceptanceTest {

  private static final String TOKEN = "s3cret";
  private static WsChaosServer server;

  @BeforeAll
  static void start() {
    server = WsChaosServer.builder().admin(AdminSettings.loopback(0).withToken(TOKEN))
        .tls(TlsSettings.port(0)).closeTimeout(Duration.ofSeconds(1)).start();
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

  private static List<JdkClient> connect(Chaos chaos, String prefix, int count) throws Exception {
    List<JdkClient> clients = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      clients.add(JdkClient.connect(server.wsUrl("/?clientId=" + prefix + i)));
    }
    chaos.awaitConnections(count);
    return clients;
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void aSimulatorAloneIsTheOnlyNodeClientsConnectTo(String target) throws Exception {
    assertThat(chaos(target).target().nodeUrls()).containsExactly(server.wsUrl());
    try (JdkClient client = JdkClient.connect(chaos(target).target().nodeUrls().get(0).resolve("/?clientId=n1"))) {
      chaos(target).awaitConnections(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void closeAllSpreadOverAWindow(String target) throws Exception {
    Chaos chaos = chaos(target);
    List<JdkClient> clients = connect(chaos, "close-", 3);

    long started = System.nanoTime();
    assertThat(chaos.now().spreadOver(Duration.ofMillis(600)).closeAll(1012, "rolling restart").selected())
        .isEqualTo(3);
    for (JdkClient client : clients) {
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "rolling restart"));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the last strike comes late in the window")
        .isGreaterThanOrEqualTo(Duration.ofMillis(350));
    assertThat(chaos.client("close-1").timeline().get(0).disconnect().code()).isEqualTo(1012);
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void closeAllWithACodeOnly(String target) throws Exception {
    Chaos chaos = chaos(target);
    List<JdkClient> clients = connect(chaos, "c", 2);
    chaos.now().closeAll(1012);
    for (JdkClient client : clients) {
      assertThat(client.awaitClose().code()).isEqualTo(1012);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void dropAPercentageAndResetACount(String target) throws Exception {
    Chaos chaos = chaos(target);
    List<JdkClient> clients = connect(chaos, "d", 4);

    assertThat(chaos.now().drop(percent(50)).selected()).isEqualTo(2);
    Awaitility.await().until(() -> clients.stream().filter(JdkClient::isClosed).count() == 2);
    assertThat(clients.stream().filter(JdkClient::isClosed).map(c -> {
      try {
        return c.awaitClose().code();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).containsOnly(1006);

    assertThat(chaos.now().reset(Share.count(1)).selected()).isEqualTo(1);
    Awaitility.await().until(() -> clients.stream().filter(JdkClient::hasError).count() == 1);
    assertThat(server.openConnections()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void outageRefusesConnectionsForItsDuration(String target) throws Exception {
    Chaos chaos = chaos(target);
    JdkClient client = connect(chaos, "o", 1).get(0);

    chaos.now().outage(Duration.ofMillis(800));
    assertThat(client.awaitClose().code()).isEqualTo(1006);
    assertThat(JdkClient.connectFailure(server.wsUrl("/?clientId=o2")))
        .isInstanceOf(ConnectException.class);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(server::listening);
    try (JdkClient back = JdkClient.connect(server.wsUrl("/?clientId=o2"))) {
      back.send("hi");
      assertThat(back.nextMessage()).isEqualTo("hi");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void tlsSwitchToExpiredAndBack(String target) throws Exception {
    Chaos chaos = chaos(target);
    HttpClient trusting = HttpClient.newBuilder().sslContext(TlsClients.context(server.tls().trustStore(), null))
        .build();
    URI wss = server.wssUrl("/?clientId=t1");
    JdkClient.connect(trusting, wss).close();

    chaos.tls().switchTo(TlsProfile.EXPIRED);
    Throwable expired = JdkClient.connectFailure(HttpClient.newBuilder()
        .sslContext(TlsClients.context(server.tls().trustStore(), null)).build(), wss);
    assertThat(expired).isInstanceOf(SSLHandshakeException.class).hasStackTraceContaining("CertificateExpiredException");

    chaos.tls().switchTo(TlsProfile.VALID);
    JdkClient.connect(HttpClient.newBuilder().sslContext(TlsClients.context(server.tls().trustStore(), null))
        .build(), wss).close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void awaitClientReconnectedAfterARejection(String target) throws Exception {
    Chaos chaos = chaos(target);
    chaos.onHandshake().forClient("w1").attempt(1).reject(503);
    assertThat(JdkClient.connectFailure(server.wsUrl("/?clientId=w1")))
        .isInstanceOf(WebSocketHandshakeException.class);
    try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=w1"))) {
      chaos.awaitClient("w1").connected();
      chaos.awaitClient("w1").reconnected();
      assertThat(chaos.awaitClient("w1").reconnectedTimes(1).attempts()).isEqualTo(2);
    }
    assertThat(chaos.awaitClient("w1").disconnected().accepted()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void aWaitThatTimesOutShowsTheClientsTimeline(String target) throws Exception {
    Chaos chaos = chaos(target);
    chaos.onHandshake().forClient("late").reject(503).retryAfter(Duration.ofSeconds(2));
    JdkClient.connectFailure(server.wsUrl("/?clientId=late"));

    assertThatThrownBy(() -> chaos.awaitClient("late").within(Duration.ofMillis(300)).connected())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("client late was not connected within 300 ms")
        .hasMessageContaining("attempts of late (1;")
        .hasMessageMatching("(?s).*\\n\\s+1\\s+0\\s+-\\s+rejected 503\\s+retry-after 2 s.*");
    assertThatThrownBy(() -> chaos.awaitClient("nobody").within(Duration.ofMillis(100)).reconnected())
        .hasMessageContaining("client nobody did not reconnect").hasMessageContaining("made no connection attempt");
    assertThatThrownBy(() -> chaos.awaitConnections(1, Duration.ofMillis(100)))
        .hasMessage("expected at least 1 open connection(s) within 100 ms, but 0 are open");
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void aRuleHandleIsReplacedAndRemovedByName(String target) throws Exception {
    Chaos chaos = chaos(target);
    ChaosRule rule = chaos.onConnection().forClient("h*").close(4001, "first");
    try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=h1"))) {
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4001, "first"));
    }
    rule.replaceWith(new CloseFault(4002, "second"));
    assertThat(server.plan().rules()).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo(rule.name());
      assertThat(r.fault()).isEqualTo(new CloseFault(4002, "second"));
      assertThat(r.match().clientId()).isEqualTo("h*");
    });
    try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=h2"))) {
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4002, "second"));
    }
    assertThat(rule.remove()).isTrue();
    assertThat(rule.remove()).isFalse();
    assertThat(server.plan().rules()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void forgetClientsKeepsThePlan(String target) throws Exception {
    Chaos chaos = chaos(target);
    ChaosRule firstAttempt = chaos.onHandshake().forClient("f1").attempt(1).reject(503);
    assertThat(JdkClient.connectFailure(server.wsUrl("/?clientId=f1"))).isInstanceOf(WebSocketHandshakeException.class);
    JdkClient.connect(server.wsUrl("/?clientId=f1")).close();

    chaos.forgetClients();
    assertThat(firstAttempt.installed()).isTrue();
    assertThat(JdkClient.connectFailure(server.wsUrl("/?clientId=f1"))).isInstanceOf(WebSocketHandshakeException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void anInvalidActionIsRefusedWithTheSameException(String target) {
    Chaos chaos = chaos(target);
    assertThatThrownBy(() -> chaos.now().closeAll(1006)).isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("code");
  }
}
