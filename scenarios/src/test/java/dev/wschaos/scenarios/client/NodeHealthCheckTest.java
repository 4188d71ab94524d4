package dev.wschaos.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class NodeHealthCheckTest {

  @Test
  void aNodeThatRefusedStaysOutUntilItsPortAcceptsAgain() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    String restarting = "ws://127.0.0.1:" + port;
    String other = "ws://127.0.0.1:1";
    NodeLoad load = new NodeLoad(List.of(restarting, other), 1_000, true);
    load.connected(other);
    load.failed(restarting, 0);
    ScheduledExecutorService checks = NodeHealthCheck.start(load, Duration.ofMillis(50),
        NodeHealthCheck::acceptsConnections);
    try {
      assertThat(NodeHealthCheck.acceptsConnections(restarting)).as("port closed").isFalse();
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(load.pick(List.of(restarting, other), Long.MAX_VALUE, () -> 0.0))
              .as("kept out however long it is down, though it has the fewest connections").isEqualTo(other));

      try (ServerSocket back = new ServerSocket(port)) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
            assertThat(load.pick(List.of(restarting, other), 0, () -> 0.0)).isEqualTo(restarting));
        assertThat(load.down()).isEmpty();
      }
    } finally {
      checks.shutdownNow();
    }
  }
}
