package dev.wschaos.simulator.fuzz;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.server.ServerLimits;
import dev.wschaos.simulator.support.JdkClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * An embedded simulator for fuzz targets that go over sockets, with a healthy echo client beside it: after each
 * input, {@link #assertStillServing()} checks that the client is still echoed. Small limits, so inputs reach the
 * 414/431/1009 refusals.
 */
final class FuzzedServer implements AutoCloseable {

  static final int TIMEOUT_MS = 10_000;
  static final ServerLimits LIMITS = ServerLimits.defaults().withMaxRequestLine(1024).withMaxHeaderSize(2048)
      .withMaxQueryLength(256).withMaxMessageSize(4096).withHandshakeTimeout(Duration.ofSeconds(5));

  private final WsChaosServer server;
  private final JdkClient healthy;
  private long pings;

  private FuzzedServer(WsChaosServer server) throws Exception {
    this.server = server;
    this.healthy = server.adminUrl() == null ? JdkClient.connect(server.wsUrl("/healthy")) : null;
  }

  /**
   * A healthy echo plan (strict handshake, one allowed origin pattern); with {@code admin}, an admin API and no
   * healthy client (fuzzed fleet actions may close every connection).
   */
  static FuzzedServer start(boolean admin) throws Exception {
    WsChaosServer.Builder builder = WsChaosServer.builder()
        .plan(Plan.healthy().withHandshake(HandshakePolicy.DEFAULT.withAllowedOrigins(List.of("https://*.example"))))
        .limits(LIMITS).closeTimeout(Duration.ofSeconds(1));
    if (admin) {
      builder.adminPort(0);
    }
    return new FuzzedServer(builder.start());
  }

  WsChaosServer server() {
    return server;
  }

  InetSocketAddress wsAddress() {
    return new InetSocketAddress(server.host(), server.port());
  }

  InetSocketAddress adminAddress() {
    return new InetSocketAddress(server.adminUrl().getHost(), server.adminUrl().getPort());
  }

  /** A complete, valid upgrade request head for {@code /fuzz}. */
  byte[] upgradeHead() {
    return ("GET /fuzz HTTP/1.1\r\nHost: " + server.host() + ":" + server.port() + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  void assertStillServing() throws InterruptedException {
    String ping = "still there " + (++pings);
    healthy.send(ping);
    String echo = healthy.nextMessage();
    if (!ping.equals(echo)) {
      throw new AssertionError("the healthy client beside the fuzzer got '" + echo + "' instead of '" + ping + "'");
    }
  }

  @Override
  public void close() {
    if (healthy != null) {
      healthy.close();
    }
    server.close();
  }
}
