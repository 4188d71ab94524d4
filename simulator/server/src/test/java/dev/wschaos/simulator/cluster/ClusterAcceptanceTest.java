package dev.wschaos.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.support.JdkClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three simulator nodes in JVMs of their own, clustered on loopback as {@code --cluster} sets them up: one plan for
 * all, attempts counted across nodes, and the survivors serving on after one is killed with {@code kill -9}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterAcceptanceTest {

  /** First attempt 503 (node A), second 429 (node B), third accepted (node C): wherever each lands. */
  private static final String PER_ATTEMPT = """
      name: per-attempt
      rules:
        - match: {attempt: 1}
          fault: {type: reject, status: 503, headers: {Retry-After: "1"}}
        - match: {attempt: 2}
          fault: {type: reject, status: 429, headers: {Retry-After: "1"}}
      """;

  private static ClusterNodes nodes;

  @BeforeAll
  static void startThreeNodes() throws Exception {
    nodes = ClusterNodes.start(3);
  }

  @AfterAll
  static void stopNodes() {
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  @Order(1)
  void aPlanPutOnOneNodeIsInForceOnEveryNode() {
    AdminClient.create(nodes.admin(0)).replacePlan(PER_ATTEMPT);

    for (int node = 0; node < 3; node++) {
      AdminClient admin = AdminClient.create(nodes.admin(node));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.plan().name())
          .isEqualTo("per-attempt"));
    }
    AdminClient second = AdminClient.create(nodes.admin(1));
    assertThatThrownBy(() -> second.replacePlan("name: broken\nrules:\n  - fault: {type: close, code: 1005}\n"))
        .isInstanceOf(InvalidPlanException.class);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      for (int node = 0; node < 3; node++) {
        assertThat(AdminClient.create(nodes.admin(node)).plan().name()).isEqualTo("per-attempt");
      }
    });
  }

  @Test
  @Order(2)
  void aClientRefusedByOneNodeRetriesOnAnotherAsItsNextAttempt() throws Exception {
    assertThat(status(0, "mover")).isEqualTo(503);
    assertThat(status(1, "mover")).isEqualTo(429);
    try (JdkClient client = JdkClient.connect(nodes.ws(2, "/feed?clientId=mover"))) {
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  @Order(3)
  void theOtherNodesServeOnWhenOneIsKilled() throws Exception {
    nodes.kill(2);
    nodes.awaitLine(0, "left, 2 nodes");
    nodes.awaitLine(1, "left, 2 nodes");

    assertThat(status(1, "after-kill")).isEqualTo(503);
    assertThat(status(0, "after-kill")).isEqualTo(429);
    AdminClient.create(nodes.admin(1)).replacePlan("name: calm\n");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(AdminClient.create(nodes.admin(0)).plan()
        .name()).isEqualTo("calm"));
    try (JdkClient client = JdkClient.connect(nodes.ws(0, "/feed?clientId=after-kill"))) {
      assertThat(client.isClosed()).isFalse();
    }
  }

  private static int status(int node, String clientId) {
    Throwable refused = JdkClient.connectFailure(nodes.ws(node, "/feed?clientId=" + clientId));
    assertThat(refused).isInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) refused).getResponse().statusCode();
  }
}
