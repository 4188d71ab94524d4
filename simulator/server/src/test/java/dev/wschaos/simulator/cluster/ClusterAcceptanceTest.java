package dev.wschaos.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.TimelineEntry;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.fleet.ActionResult;
import dev.wschaos.simulator.fleet.OutageAction;
import dev.wschaos.simulator.fleet.RollingRestartAction;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.support.JdkClient;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three simulator nodes in JVMs of their own, clustered on loopback as {@code --cluster} sets them up: one plan for
 * all, attempts counted across nodes, one reconnect report, a rolling restart node by node (sent to one node, or
 * started by a timeline step on every node), an outage of one node, and the survivors serving on after one is killed with {@code kill -9}.
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

  /** Every node runs this timeline; only the oldest may start the restart, which then goes node by node. */
  private static final String TIMELINE_DEPLOY = """
      name: timeline-deploy
      timeline:
        - name: deploy
          at: 2s
          action: {type: rolling-restart, down: 2s, gap: 1s}
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
    java.util.List<URI> everyNode = java.util.List.of(nodes.ws(0, "/"), nodes.ws(1, "/"), nodes.ws(2, "/"));
    assertThat(AdminClient.create(nodes.admin(2)).nodeUrls()).as("where clients connect, from any node")
        .containsExactlyInAnyOrderElementsOf(everyNode);
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
  void anyNodesReconnectReportCoversEveryNodeWithAMovingClientAsOne() {
    for (int node = 0; node < 3; node++) {
      AdminClient admin = AdminClient.create(nodes.admin(node));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        ClientReport mover = admin.reconnectClient("mover").orElseThrow();
        assertThat(mover.timeline()).extracting(TimelineEntry::number, TimelineEntry::status)
            .containsExactly(tuple(1, 503), tuple(2, 429), tuple(3, 101));
        assertThat(mover.timeline().get(1).delayMillis()).isNotNull().isNotNegative();
      });
      assertThat(admin.reconnectReport().clients()).filteredOn(c -> c.client().equals("mover")).hasSize(1);
    }
  }

  @Test
  @Order(4)
  void aRollingRestartClosesEachNodesClientsInTurnAndTheyMoveToAnother() throws Exception {
    calmPlan();
    List<Integer> order = clusterOrder();
    List<JdkClient> clients = new ArrayList<>();
    try {
      for (int node = 0; node < 3; node++) {
        clients.add(JdkClient.connect(nodes.ws(node, "/feed?clientId=roll-" + node)));
      }
      ActionResult started = AdminClient.create(nodes.admin(1))
          .act(RollingRestartAction.of(Duration.ofSeconds(2), Duration.ZERO));
      assertThat(started.action()).contains("rolling-restart 1012", "on 3 nodes");

      for (int node = 0; node < 3; node++) {
        JdkClient client = clients.get(node);
        await().atMost(Duration.ofSeconds(30)).until(client::isClosed);
        assertThat(client.awaitClose().code()).isEqualTo(1012);
        clients.add(connectToAnother(node, "roll-" + node));
      }

      AdminClient any = AdminClient.create(nodes.admin(2));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        List<Instant> restarted = new ArrayList<>();
        for (int node : order) {
          ClientReport roll = any.reconnectClient("roll-" + node).orElseThrow();
          assertThat(roll.timeline()).extracting(TimelineEntry::number, TimelineEntry::status)
              .containsExactly(tuple(1, 101), tuple(2, 101));
          assertThat(roll.timeline().get(0).disconnect().code()).isEqualTo(1012);
          restarted.add(roll.timeline().get(0).disconnect().at());
        }
        assertThat(restarted).isSorted();
      });
      for (int node = 0; node < 3; node++) {
        awaitServing(node);
      }
    } finally {
      clients.forEach(JdkClient::close);
    }
  }

  @Test
  @Order(5)
  void aTimelineRollingRestartIsDrivenByTheOldestNodeOneNodeAfterTheOther() throws Exception {
    calmPlan();
    List<Integer> order = clusterOrder();
    List<JdkClient> clients = new ArrayList<>();
    try {
      for (int node = 0; node < 3; node++) {
        clients.add(JdkClient.connect(nodes.ws(node, "/feed?clientId=deploy-" + node)));
      }
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(clusterStatus().nodes())
          .allSatisfy(n -> assertThat(n.connections()).as("connections of node %d", n.index()).isPositive()));
      AdminClient.create(nodes.admin(2)).replacePlan(TIMELINE_DEPLOY);

      List<Instant> closedAt = new ArrayList<>();
      for (int node : order) {
        JdkClient client = clients.get(node);
        await().atMost(Duration.ofSeconds(30)).until(client::isClosed);
        assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "rolling restart"));
        closedAt.add(client.closedAt());
      }
      assertThat(closedAt).isSorted();
      for (int i = 1; i < closedAt.size(); i++) {
        assertThat(Duration.between(closedAt.get(i - 1), closedAt.get(i))).as("between restarts %d and %d", i, i + 1)
            .isGreaterThan(Duration.ofSeconds(1));
      }
      nodes.awaitLine(order.get(0), "timeline step 'deploy' drives rolling-restart");
      for (int node = 0; node < 3; node++) {
        awaitServing(node);
      }
    } finally {
      clients.forEach(JdkClient::close);
    }
  }

  @Test
  @Order(6)
  void anOutageOfOneNamedNodeLeavesTheOthersServing() throws Exception {
    int third = clusterOrder().indexOf(2) + 1;
    try (JdkClient onTheThird = JdkClient.connect(nodes.ws(2, "/feed?clientId=out-2"))) {
      ActionResult result = AdminClient.create(nodes.admin(0))
          .act(OutageAction.lasting(Duration.ofSeconds(60)), Integer.toString(third));
      assertThat(result.action()).contains("outage 1m on node " + third);
      assertThat(result.selected()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(20)).until(() -> onTheThird.isClosed() || onTheThird.hasError());
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
          JdkClient.connectFailure(nodes.ws(2, "/feed?clientId=out-2"))).isInstanceOf(ConnectException.class));
      for (int node = 0; node < 2; node++) {
        try (JdkClient served = JdkClient.connect(nodes.ws(node, "/feed?clientId=out-" + node))) {
          assertThat(served.isClosed()).isFalse();
        }
      }
    }
    assertThatThrownBy(() -> AdminClient.create(nodes.admin(0)).act(OutageAction.lasting(Duration.ofSeconds(1)),
        "9")).hasMessageContaining("no node '9' in cluster");

    AdminClient.create(nodes.admin(0)).replacePlan(PER_ATTEMPT);
    for (int node = 0; node < 3; node++) {
      AdminClient admin = AdminClient.create(nodes.admin(node));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.plan().name())
          .isEqualTo("per-attempt"));
    }
  }

  @Test
  @Order(7)
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

  private static void calmPlan() {
    AdminClient.create(nodes.admin(0)).replacePlan("name: calm\n");
    for (int node = 0; node < 3; node++) {
      AdminClient admin = AdminClient.create(nodes.admin(node));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.plan().name()).isEqualTo("calm"));
    }
  }

  /** The test's node numbers in the cluster's order (oldest first), as {@code GET /cluster} lists them. */
  private static List<Integer> clusterOrder() throws Exception {
    ClusterStatus status = clusterStatus();
    List<Integer> order = new ArrayList<>();
    for (ClusterMember member : status.nodes()) {
      for (int node = 0; node < 3; node++) {
        if (URI.create(member.urls().admin()).getPort() == nodes.admin(node).getPort()) {
          order.add(node);
        }
      }
    }
    assertThat(order).containsExactlyInAnyOrder(0, 1, 2);
    return order;
  }

  private static ClusterStatus clusterStatus() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        nodes.admin(1).resolve("/cluster")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.mapper().readValue(response.body(), ClusterStatus.class);
  }

  /** Wait until node {@code node} accepts clients (again). */
  private static void awaitServing(int node) {
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
      try (JdkClient probe = JdkClient.connect(nodes.ws(node, "/feed?clientId=probe"))) {
        return !probe.isClosed();
      }
    });
  }

  /** Reconnect as a client behind a load balancer does: to the first other node that answers. */
  private static JdkClient connectToAnother(int from, String clientId) {
    return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
      for (int step = 1; step < 3; step++) {
        try {
          return JdkClient.connect(nodes.ws((from + step) % 3, "/feed?clientId=" + clientId));
        } catch (Exception refused) {
          // the next one
        }
      }
      return null;
    }, client -> client != null);
  }

  private static int status(int node, String clientId) {
    Throwable refused = JdkClient.connectFailure(nodes.ws(node, "/feed?clientId=" + clientId));
    assertThat(refused).isInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) refused).getResponse().statusCode();
  }
}
