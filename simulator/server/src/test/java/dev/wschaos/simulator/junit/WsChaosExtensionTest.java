package dev.wschaos.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.JdkClient;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes through the JUnit Platform, as a user's build would, and checks what the extension gave
 * them. The nested classes are not run by Surefire on their own (it skips nested classes).
 */
class WsChaosExtensionTest {

  static final Map<String, List<Integer>> PORTS = new ConcurrentHashMap<>();

  @Test
  void declarativeAnnotationLoadsAPlanFromTheClasspathAndInjectsParameters() {
    assertAllPass(Declarative.class, 2);
    List<Integer> ports = PORTS.get("declarative");
    assertThat(ports).hasSize(2);
    assertThat(ports.get(0)).as("one server for the class").isEqualTo(ports.get(1));
  }

  @Test
  void staticFieldSharesOneServerAndResetsRulesAndAttemptsBeforeEachTest() {
    assertAllPass(StaticField.class, 2);
    List<Integer> ports = PORTS.get("static");
    assertThat(ports).hasSize(2);
    assertThat(ports.get(0)).isEqualTo(ports.get(1));
  }

  @Test
  void instanceFieldStartsAServerPerTest() {
    assertAllPass(InstanceField.class, 2);
    List<Integer> ports = PORTS.get("instance");
    assertThat(ports).hasSize(2);
    assertThat(ports.get(0)).isNotEqualTo(ports.get(1));
  }

  @Test
  void withoutResetRulesCarryOverBetweenTests() {
    assertAllPass(NoReset.class, 2);
  }

  @Test
  void parallelClassesEachGetTheirOwnServer() {
    Events events = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .selectors(selectClass(ParallelA.class), selectClass(ParallelB.class))
        .execute().testEvents();
    events.assertStatistics(stats -> stats.succeeded(2).failed(0));
    assertThat(PORTS.get("parallel-a")).isNotEqualTo(PORTS.get("parallel-b"));
  }

  @Test
  void aMissingClasspathPlanFailsTheClassWithAClearMessage() {
    var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(MissingPlan.class)).execute();
    String failure = results.containerEvents().failed().stream()
        .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
            .getThrowable().orElseThrow().getMessage())
        .findFirst().orElse("");
    assertThat(failure).contains("@WsChaosTest plan 'plans/nope.yaml' is not on the test classpath");
  }

  private static void assertAllPass(Class<?> testClass, int tests) {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    events.failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .ifPresent(t -> { throw new AssertionError(testClass.getSimpleName() + " failed", t); }));
    events.assertStatistics(stats -> stats.succeeded(tests).failed(0));
  }

  static void record(String key, int port) {
    PORTS.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(port);
  }

  @WsChaosTest(plan = "plans/closes-after-two.yaml", seed = 5)
  static class Declarative {
    @Test
    void injectsRuntimeInfo(WsChaosRuntimeInfo wschaos) throws Exception {
      record("declarative", wschaos.port());
      assertThat(wschaos.host()).isEqualTo("127.0.0.1");
      assertThat(wschaos.server().seed()).isEqualTo(5L);
      try (JdkClient client = JdkClient.connect(wschaos.wsUrl())) {
        client.send("1");
        client.send("2");
        assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4002, "from classpath plan"));
      }
    }

    @Test
    void injectsTheDslAndTheServer(Chaos chaos, WsChaosServer server) throws Exception {
      record("declarative", server.port());
      assertThat(server.plan().name()).isEqualTo("closes-after-two");
      chaos.onHandshake().reject(418);
      Throwable failure = JdkClient.connectFailure(server.wsUrl());
      assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(418);
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaticField {
    @RegisterExtension
    static WsChaosExtension wschaos = WsChaosExtension.builder().plan(Plan.healthy()).build();

    @Test
    @Order(1)
    void addsARuleAndUsesUpAnAttempt() throws Exception {
      record("static", wschaos.runtimeInfo().port());
      JdkClient.connect(wschaos.wsUrl("/?clientId=x")).close();
      wschaos.chaos().onHandshake().reject(503);
      assertThat(wschaos.chaos().plan().rules()).hasSize(1);
    }

    @Test
    @Order(2)
    void seesAHealthyPlanAndFreshAttemptCounts() throws Exception {
      record("static", wschaos.runtimeInfo().port());
      assertThat(wschaos.chaos().plan().rules()).isEmpty();
      wschaos.chaos().onHandshake().forClient("x").attemptsFrom(2).reject(429);
      try (JdkClient client = JdkClient.connect(wschaos.wsUrl("/?clientId=x"))) {
        client.send("first attempt again");
        assertThat(client.nextMessage()).isEqualTo("first attempt again");
      }
    }
  }

  static class InstanceField {
    @RegisterExtension
    WsChaosExtension wschaos = WsChaosExtension.builder().build();

    @Test
    void one() {
      record("instance", wschaos.runtimeInfo().port());
    }

    @Test
    void two() {
      record("instance", wschaos.runtimeInfo().port());
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class NoReset {
    @RegisterExtension
    static WsChaosExtension wschaos = WsChaosExtension.builder().resetBeforeEach(false).build();

    @Test
    @Order(1)
    void addsARule() {
      wschaos.chaos().onHandshake().reject(503);
    }

    @Test
    @Order(2)
    void stillHasIt() {
      Throwable failure = JdkClient.connectFailure(wschaos.wsUrl());
      assertThat(((WebSocketHandshakeException) failure).getResponse().statusCode()).isEqualTo(503);
    }
  }

  @WsChaosTest
  static class ParallelA {
    @Test
    void a(WsChaosRuntimeInfo wschaos) throws Exception {
      record("parallel-a", wschaos.port());
      try (JdkClient client = JdkClient.connect(wschaos.wsUrl())) {
        client.send("a");
        assertThat(client.nextMessage()).isEqualTo("a");
      }
    }
  }

  @WsChaosTest
  static class ParallelB {
    @Test
    void b(WsChaosRuntimeInfo wschaos) throws Exception {
      record("parallel-b", wschaos.port());
      try (JdkClient client = JdkClient.connect(wschaos.wsUrl())) {
        client.send("b");
        assertThat(client.nextMessage()).isEqualTo("b");
      }
    }
  }

  @WsChaosTest(plan = "plans/nope.yaml")
  static class MissingPlan {
    @Test
    void never() {}
  }
}
