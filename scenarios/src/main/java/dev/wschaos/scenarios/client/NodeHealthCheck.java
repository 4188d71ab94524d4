package dev.wschaos.scenarios.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The active health check of a {@link NodeLoad}: every {@code interval} it probes each node kept out after a failed
 * attempt and lets it back in once the probe succeeds, as HAProxy's {@code check} or an AWS target group's health
 * check does. The default probe is a TCP connect to the node's host and port: a restarting node refuses it while its
 * port is closed.
 *
 * <pre>{@code
 * NodeLoad load = new NodeLoad(nodes, 1_000, true);
 * NodeHealthCheck.start(load, Duration.ofMillis(500), NodeHealthCheck::acceptsConnections);
 * }</pre>
 */
public final class NodeHealthCheck {

  private NodeHealthCheck() {}

  /** Probe {@code load}'s nodes that are down every {@code interval}, on a daemon thread of its own. */
  public static ScheduledExecutorService start(NodeLoad load, Duration interval, Predicate<String> probe) {
    ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "wschaos-node-health-check");
      t.setDaemon(true);
      return t;
    });
    checks.scheduleWithFixedDelay(() -> {
      for (String node : load.down()) {
        if (probe.test(node)) {
          load.up(node);
        }
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return checks;
  }

  /** Whether {@code wsBaseUrl}'s host and port accept a TCP connection within a second. */
  public static boolean acceptsConnections(String wsBaseUrl) {
    URI uri = URI.create(wsBaseUrl);
    int port = uri.getPort() != -1 ? uri.getPort() : "wss".equals(uri.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
