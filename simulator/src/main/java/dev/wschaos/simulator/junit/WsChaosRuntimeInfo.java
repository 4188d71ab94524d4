package dev.wschaos.simulator.junit;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.dsl.Chaos;
import java.net.URI;

/**
 * Where the test's simulator listens and how to control it; injected into test methods by {@link WsChaosTest} and
 * {@link WsChaosExtension}.
 *
 * <pre>{@code
 * @Test
 * void test(WsChaosRuntimeInfo wschaos) {
 *   URI url = wschaos.wsUrl("/feed?clientId=c1");
 *   wschaos.chaos().onHandshake().attempt(1).reject(503);
 * }
 * }</pre>
 */
public final class WsChaosRuntimeInfo {

  private final WsChaosServer server;
  private final Chaos chaos;

  WsChaosRuntimeInfo(WsChaosServer server, Chaos chaos) {
    this.server = server;
    this.chaos = chaos;
  }

  /** {@code ws://127.0.0.1:PORT/}. */
  public URI wsUrl() {
    return server.wsUrl();
  }

  /** {@code ws://127.0.0.1:PORT} followed by {@code pathAndQuery}. */
  public URI wsUrl(String pathAndQuery) {
    return server.wsUrl(pathAndQuery);
  }

  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  /** The fault DSL for this simulator. */
  public Chaos chaos() {
    return chaos;
  }

  /** The simulator itself, for everything else. */
  public WsChaosServer server() {
    return server;
  }
}
