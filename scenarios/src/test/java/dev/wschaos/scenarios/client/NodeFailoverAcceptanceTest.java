package dev.wschaos.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients choosing nodes with {@link NodeChooser} over three embedded simulators, over real sockets (JDK
 * {@code java.net.http.WebSocket}): they spread evenly, leave a node that refuses them (503) for another, and after a
 * restart (1012) of every node draw among all nodes again, so the node that refused gets its share back.
 */
class NodeFailoverAcceptanceTest {

  private static final int CLIENTS = 30;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<WsChaosServer> servers = new ArrayList<>();
  private final List<WebSocket> sockets = new ArrayList<>();

  @AfterEach
  void stop() {
    sockets.forEach(WebSocket::abort);
    servers.forEach(WsChaosServer::close);
  }

  @Test
  void clientsSpreadFailOverFromARefusingNodeAndComeBackToItAfterARestart() throws Exception {
    for (int i = 0; i < 3; i++) {
      servers.add(WsChaosServer.builder().start());
    }
    List<String> nodes = servers.stream().map(s -> "ws://" + s.host() + ":" + s.port()).toList();
    List<NodeChooser> clients = new ArrayList<>();
    for (int user = 0; user < CLIENTS; user++) {
      SplittableRandom random = new SplittableRandom(42L * 31 + user);
      NodeChooser chooser = new NodeChooser(nodes, user, random::nextDouble);
      chooser.first();
      clients.add(chooser);
      sockets.add(connect(chooser.current(), user));
      chooser.ended(true);
    }
    await().atMost(10, TimeUnit.SECONDS).until(() -> openPerNode().equals(List.of(10, 10, 10)));

    WsChaosServer refusing = servers.get(1);
    refusing.replacePlan(Plan.healthy().withRule(Rule.of(Match.ANY, RejectFault.status(503))));
    restartAll();

    List<List<String>> attempts = reconnectAll(clients, nodes.get(1));

    await().atMost(10, TimeUnit.SECONDS).until(() -> openPerNode().get(1) == 0
        && openPerNode().stream().mapToInt(Integer::intValue).sum() == CLIENTS);
    List<List<String>> refused = attempts.stream().filter(a -> a.size() > 1).toList();
    assertThat(refused).as("clients that drew the refusing node first").isNotEmpty();
    for (List<String> tried : attempts) {
      for (int i = 1; i < tried.size(); i++) {
        assertThat(tried.get(i)).as("the attempt after a refusal on %s", tried.get(i - 1))
            .isNotEqualTo(tried.get(i - 1));
      }
      assertThat(tried.get(tried.size() - 1)).isNotEqualTo(nodes.get(1));
    }

    refusing.replacePlan(Plan.healthy());
    restartAll();
    reconnectAll(clients, null);

    await().atMost(10, TimeUnit.SECONDS).until(() -> openPerNode().stream().mapToInt(Integer::intValue).sum() == CLIENTS);
    assertThat(openPerNode().get(1)).as("the node that refused, healthy again, gets clients back").isPositive();
  }

  private void restartAll() {
    servers.forEach(s -> s.act(CloseAction.all(1012, "service restart")));
    await().atMost(10, TimeUnit.SECONDS).until(() -> openPerNode().equals(List.of(0, 0, 0)));
    sockets.clear();
  }

  /** Each client reconnects until it is in; returns the nodes each tried, in order. */
  private List<List<String>> reconnectAll(List<NodeChooser> clients, String refusingNode) {
    List<List<String>> attempts = new ArrayList<>();
    for (int user = 0; user < clients.size(); user++) {
      NodeChooser chooser = clients.get(user);
      List<String> tried = new ArrayList<>();
      while (true) {
        String node = chooser.next();
        tried.add(node);
        try {
          sockets.add(connect(node, user));
          chooser.ended(true);
          break;
        } catch (CompletionException e) {
          assertThat(node).isEqualTo(refusingNode);
          assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
          assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(503);
          chooser.ended(false);
          assertThat(chooser.excluded()).isEqualTo(node);
        }
      }
      attempts.add(tried);
    }
    return attempts;
  }

  private WebSocket connect(String node, int user) {
    return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create(node + "/feed?clientId=user-" + user), new WebSocket.Listener() { })
        .join();
  }

  private List<Integer> openPerNode() {
    return servers.stream().map(WsChaosServer::openConnections).collect(Collectors.toList());
  }

}
