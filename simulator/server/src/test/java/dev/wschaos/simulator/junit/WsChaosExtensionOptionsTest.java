package dev.wschaos.simulator.junit;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.journal.JournalQuery;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.support.JdkClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The extension's options, each run as a user's test class through the JUnit Platform: reset, TLS, admin, remote. */
class WsChaosExtensionOptionsTest {

  static final String TOKEN = "t0ken";
  static volatile URI remoteAdmin;
  static volatile WsChaosServer remoteServer;

  @Test
  void resetBeforeEachClearsJournalAndAnalyticsAndRestoresTheInitialPlan() {
    assertAllPass(ResetEach.class, 2);
  }

  @Test
  void tlsAndAdminFromTheAnnotation() {
    assertAllPass(DeclarativeTls.class, 1);
  }

  @Test
  void tlsProfileFromTheBuilder() {
    assertAllPass(ExpiredFromTheStart.class, 1);
  }

  @Test
  void remoteModeDrivesASharedSimulatorThroughItsAdminApi() {
    try (WsChaosServer shared = WsChaosServer.builder().admin(AdminSettings.loopback(0).withToken(TOKEN)).start()) {
      remoteServer = shared;
      remoteAdmin = shared.adminUrl();
      shared.replacePlan(Plan.healthy().withRules(java.util.List.of()));
      assertAllPass(RemoteStatic.class, 2);
      assertThat(shared.plan().rules()).as("the remote plan carries the last test's rule").hasSize(1);
    }
  }

  @Test
  void parallelClassesRunAtTheSameTimeEachWithItsOwnServer() {
    Events events = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .selectors(selectClass(OverlapA.class), selectClass(OverlapB.class))
        .execute().testEvents();
    rethrowFailures(events, "parallel");
    events.assertStatistics(stats -> stats.succeeded(2).failed(0));
    assertThat(OverlapA.port).isPositive().isNotEqualTo(OverlapB.port);
  }

  static void assertAllPass(Class<?> testClass, int tests) {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    rethrowFailures(events, testClass.getSimpleName());
    events.assertStatistics(stats -> stats.succeeded(tests).failed(0));
  }

  private static void rethrowFailures(Events events, String name) {
    events.failed().stream().forEach(e -> e.getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .ifPresent(t -> { throw new AssertionError(name + " failed", t); }));
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ResetEach {
    @RegisterExtension
    static WsChaosExtension wschaos = WsChaosExtension.builder()
        .plan(PlanLoader.parse("""
            name: initial
            rules:
              - name: teapot-for-t
                match: {clientId: "t"}
                fault: {type: reject, status: 418}
            """, "test", PlanLoader.Format.YAML))
        .build();

    @Test
    @Order(1)
    void leavesHistoryAndARuleBehind(Chaos chaos, WsChaosServer server) throws Exception {
      chaos.onHandshake().forClient("x").attemptsFrom(2).reject(503);
      JdkClient.connect(wschaos.wsUrl("/?clientId=x")).close();
      chaos.awaitClient("x").disconnected();
      assertThat(server.journal().size()).isPositive();
      assertThat(chaos.plan().rules()).hasSize(2);
    }

    @Test
    @Order(2)
    void startsWithAnEmptyJournalNoHistoryAndTheInitialPlan(Chaos chaos, WsChaosServer server) throws Exception {
      assertThat(server.journal().query(JournalQuery.all()).events()).isEmpty();
      assertThat(chaos.client("x").attempts()).isZero();
      assertThat(chaos.plan().name()).isEqualTo("initial");
      assertThat(chaos.plan().rules()).extracting(r -> r.name()).containsExactly("teapot-for-t");
      JdkClient.connect(wschaos.wsUrl("/?clientId=x")).close();
      Throwable teapot = JdkClient.connectFailure(wschaos.wsUrl("/?clientId=t"));
      assertThat(((WebSocketHandshakeException) teapot).getResponse().statusCode()).isEqualTo(418);
    }
  }

  @WsChaosTest(tls = true, admin = true)
  static class DeclarativeTls {
    @Test
    void injectsWssUrlTrustAndAdminUrl(WsChaosRuntimeInfo wschaos) throws Exception {
      assertThat(wschaos.wssUrl("/feed").toString()).startsWith("wss://127.0.0.1:").endsWith("/feed");
      assertThat(wschaos.wssUrl().getPort()).isNotEqualTo(wschaos.port());
      assertThat(wschaos.trustStore().size()).isEqualTo(1);
      HttpClient trusting = HttpClient.newBuilder().sslContext(wschaos.sslContext()).build();
      try (JdkClient client = JdkClient.connect(trusting, wschaos.wssUrl("/?clientId=s1"))) {
        client.send("over tls");
        assertThat(client.nextMessage()).isEqualTo("over tls");
      }
      assertThat(JdkClient.connectFailure(HttpClient.newHttpClient(), wschaos.wssUrl("/")))
          .as("the default trust store does not know the test CA").isInstanceOf(SSLHandshakeException.class);
      assertThat(AdminClient.create(wschaos.adminUrl()).health().status()).isEqualTo("UP");
      wschaos.chaos().tls().switchTo(TlsProfile.EXPIRED);
      assertThat(JdkClient.connectFailure(HttpClient.newBuilder().sslContext(wschaos.sslContext()).build(),
          wschaos.wssUrl("/"))).hasStackTraceContaining("CertificateExpiredException");
    }
  }

  static class ExpiredFromTheStart {
    @RegisterExtension
    WsChaosExtension wschaos = WsChaosExtension.builder().tlsProfile(TlsProfile.EXPIRED).build();

    @Test
    void presentsAnExpiredCertificate(WsChaosRuntimeInfo info) {
      assertThat(info.adminUrl()).isNull();
      assertThat(JdkClient.connectFailure(HttpClient.newBuilder().sslContext(info.sslContext()).build(),
          info.wssUrl("/"))).isInstanceOf(SSLHandshakeException.class)
          .hasStackTraceContaining("CertificateExpiredException");
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class RemoteStatic {
    @RegisterExtension
    static WsChaosExtension wschaos = WsChaosExtension.builder().remote(remoteAdmin, TOKEN).build();

    @Test
    @Order(1)
    void theDslWaitsAndAssertionsGoThroughTheAdminApi(WsChaosRuntimeInfo info, Chaos chaos) throws Exception {
      assertThat(info.remote()).isTrue();
      assertThat(info.port()).isEqualTo(remoteServer.port());
      assertThat(info.adminUrl()).isEqualTo(remoteAdmin);
      chaos.onHandshake().forClient("r1").attempt(1).reject(503);
      assertThat(JdkClient.connectFailure(info.wsUrl("/?clientId=r1")))
          .isInstanceOf(WebSocketHandshakeException.class);
      try (JdkClient client = JdkClient.connect(info.wsUrl("/?clientId=r1"))) {
        chaos.awaitClient("r1").reconnected();
        chaos.now().closeAll(1012, "restart");
        assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "restart"));
      }
      assertThat(chaos.client("r1")).reconnectedTimes(1).neverRetriedAfter(1012);
      assertThatThrownBy(info::server).hasMessageContaining("not available for a remote simulator");
    }

    @Test
    @Order(2)
    void eachTestStartsFromAResetRemote(Chaos chaos) throws Exception {
      assertThat(chaos.client("r1").attempts()).isZero();
      assertThat(chaos.plan().rules()).isEmpty();
      assertThat(remoteServer.journal().size()).isZero();
      chaos.afterMessages(1).close(4001, "remote rule");
      try (JdkClient client = JdkClient.connect(wschaos.wsUrl("/?clientId=r2"))) {
        client.send("x");
        assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4001, "remote rule"));
      }
    }
  }

  static final CountDownLatch BOTH_RUNNING = new CountDownLatch(2);

  @WsChaosTest
  static class OverlapA {
    static volatile int port;

    @Test
    void a(WsChaosRuntimeInfo wschaos) throws Exception {
      port = wschaos.port();
      BOTH_RUNNING.countDown();
      assertThat(BOTH_RUNNING.await(20, TimeUnit.SECONDS)).as("B runs at the same time").isTrue();
      try (JdkClient client = JdkClient.connect(wschaos.wsUrl())) {
        client.send("a");
        assertThat(client.nextMessage()).isEqualTo("a");
      }
    }
  }

  @WsChaosTest
  static class OverlapB {
    static volatile int port;

    @Test
    void b(WsChaosRuntimeInfo wschaos) throws Exception {
      port = wschaos.port();
      BOTH_RUNNING.countDown();
      assertThat(BOTH_RUNNING.await(20, TimeUnit.SECONDS)).as("A runs at the same time").isTrue();
      wschaos.chaos().onHandshake().reject(503);
      assertThat(JdkClient.connectFailure(wschaos.wsUrl())).isInstanceOf(WebSocketHandshakeException.class);
    }
  }
}
