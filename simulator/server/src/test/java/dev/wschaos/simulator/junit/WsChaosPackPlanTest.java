package dev.wschaos.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.support.JdkClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @WsChaosTest(plan = "stomp")} and {@code "graphql-ws"}: the packs load by name, the DSL's pack verbs act on
 * them, and the reset before each test restores the pack with its conversation (not the healthy echo).
 */
class WsChaosPackPlanTest {

  private static final String CONNECT = "CONNECT\naccept-version:1.2\nhost:localhost\n\n\0";

  @Test
  void aStompPackClassSpeaksStompInEveryTestAndItsFaultsAreResetBetweenTests() {
    assertAllPass(StompPack.class, 2);
  }

  @Test
  void aGraphqlWsPackClassSpeaksGraphqlTransportWs() {
    assertAllPass(GraphqlWsPack.class, 1);
  }

  private static void assertAllPass(Class<?> testClass, int tests) {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    events.failed().stream().forEach(e -> e.getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .ifPresent(t -> { throw new AssertionError(testClass.getSimpleName() + " failed", t); }));
    events.assertStatistics(stats -> stats.succeeded(tests).failed(0));
  }

  /** The next STOMP frame, skipping heart-beat EOLs. */
  static String frame(JdkClient client) throws InterruptedException {
    String message;
    do {
      message = client.nextMessage();
    } while (message.isBlank());
    return message;
  }

  @WsChaosTest(plan = "stomp")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StompPack {
    @Test
    @Order(1)
    void withholdsConnectedOnTheFirstAttempt(Chaos chaos, WsChaosRuntimeInfo wschaos) throws Exception {
      assertThat(chaos.plan().name()).isEqualTo("stomp");
      chaos.stomp().forClient("c1").attempt(1).withholdConnected();
      try (JdkClient first = JdkClient.connect(wschaos.wsUrl("/?clientId=c1"), Map.of(), List.of("v12.stomp"))) {
        first.send(CONNECT);
        first.send("DISCONNECT\nreceipt:bye\n\n\0");
        assertThat(frame(first)).isEqualTo("RECEIPT\nreceipt-id:bye\n\n\0");
      }
      try (JdkClient second = JdkClient.connect(wschaos.wsUrl("/?clientId=c1"), Map.of(), List.of("v12.stomp"))) {
        second.send(CONNECT);
        assertThat(frame(second)).startsWith("CONNECTED\nversion:1.2\n");
      }
    }

    @Test
    @Order(2)
    void startsAgainFromThePackWithoutTheRule(Chaos chaos, WsChaosRuntimeInfo wschaos) throws Exception {
      assertThat(chaos.plan().rules()).isEmpty();
      assertThat(chaos.plan().behaviour()).isInstanceOf(ConversationBehaviour.class);
      try (JdkClient client = JdkClient.connect(wschaos.wsUrl("/?clientId=c1"), Map.of(), List.of("v12.stomp"))) {
        assertThat(client.webSocket().getSubprotocol()).isEqualTo("v12.stomp");
        client.send(CONNECT);
        assertThat(frame(client)).as("attempt 1 again, healthy").startsWith("CONNECTED\nversion:1.2\n");
      }
    }
  }

  @WsChaosTest(plan = "graphql-ws")
  static class GraphqlWsPack {
    @Test
    void closesWith4403OnInit(Chaos chaos, WsChaosRuntimeInfo wschaos) throws Exception {
      chaos.graphqlWs().forClient("g1").attempt(1).rejectInit(4403);
      List<String> graphql = List.of("graphql-transport-ws");
      try (JdkClient first = JdkClient.connect(wschaos.wsUrl("/?clientId=g1"), Map.of(), graphql)) {
        first.send("{\"type\":\"connection_init\"}");
        assertThat(first.awaitClose()).isEqualTo(new JdkClient.Closed(4403, "Forbidden"));
      }
      try (JdkClient second = JdkClient.connect(wschaos.wsUrl("/?clientId=g1"), Map.of(), graphql)) {
        second.send("{\"type\":\"connection_init\"}");
        assertThat(second.nextMessage()).isEqualTo("{\"type\":\"connection_ack\"}");
      }
    }
  }
}
