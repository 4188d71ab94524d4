package dev.wschaos.simulator.junit;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.dsl.ChaosTarget;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulator started (or, in remote mode, one remote simulator taken over) for a test scope. It lives in the
 * scope's {@link org.junit.jupiter.api.extension.ExtensionContext.Store}, which closes it when the scope ends.
 */
final class RunningSimulator implements AutoCloseable {

  private final WsChaosExtension owner;
  private final SimulatorSettings settings;
  private final WsChaosServer server;
  private final WsChaosRuntimeInfo info;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RunningSimulator(WsChaosExtension owner, SimulatorSettings settings, WsChaosServer server,
      WsChaosRuntimeInfo info) {
    this.owner = owner;
    this.settings = settings;
    this.server = server;
    this.info = info;
  }

  static RunningSimulator start(WsChaosExtension owner, SimulatorSettings settings) {
    if (settings.remote()) {
      AdminClient client = AdminClient.create(settings.remoteAdminUrl(), settings.remoteToken());
      URI wsUrl = URI.create(client.health().wsUrl());
      Chaos chaos = Chaos.of(ChaosTarget.remote(client));
      chaos.reset();
      chaos.use(settings.plan());
      return new RunningSimulator(owner, settings, null,
          WsChaosRuntimeInfo.remote(client, wsUrl, settings.remoteAdminUrl(), chaos));
    }
    WsChaosServer.Builder builder = WsChaosServer.builder().plan(settings.plan()).port(settings.port())
        .seed(settings.seed()).closeTimeout(Duration.ofSeconds(1));
    if (settings.tls() != null) {
      builder.tls(settings.tls());
    }
    if (settings.admin() != null) {
      builder.admin(settings.admin());
    }
    WsChaosServer server = builder.start();
    return new RunningSimulator(owner, settings, server, WsChaosRuntimeInfo.local(server, Chaos.of(server)));
  }

  WsChaosExtension owner() {
    return owner;
  }

  WsChaosRuntimeInfo info() {
    return info;
  }

  /** Empty journal, no attempt counts, no reconnect history, the initial plan: unless the settings say not to. */
  void beforeEachTest() {
    if (settings.resetBeforeEach()) {
      info.chaos().reset();
      info.chaos().use(settings.plan());
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    owner.forget(this);
    if (server != null) {
      server.close();
    }
  }
}
