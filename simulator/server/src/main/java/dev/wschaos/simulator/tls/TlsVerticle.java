package dev.wschaos.simulator.tls;

import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.server.HostCheck;
import dev.wschaos.simulator.server.ListenerLimits;
import dev.wschaos.simulator.server.ServerSettings;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.ServerSSLOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The TLS listeners: the plan's wss port and the fixed-profile ports. TLS listeners hand upgrades to the same handler
 * as the plain port, so a {@code valid} wss connection gets the plan's rules like a ws one.
 *
 * <pre>
 *   plan port ----- TLS (profile per SNI, from the plan) --+
 *   profile ports - TLS (fixed profile) ------------------+--> CA endpoint --> ChaosVerticle's upgrade handling
 *   network ports - stall | reset | plaintext (no TLS)
 * </pre>
 */
final class TlsVerticle extends VerticleBase {

  private final ServerSettings server;
  private final TlsSettings settings;
  private final CertificateLab lab;
  private final Handler<HttpServerRequest> handler;
  private final Supplier<TlsPolicy> initial;
  private final Map<TlsProfile, Integer> ports = new EnumMap<>(TlsProfile.class);
  private final List<Supplier<Future<Void>>> closers = new ArrayList<>();
  private volatile HttpServer planServer;

  TlsVerticle(ServerSettings server, TlsSettings settings, CertificateLab lab, Handler<HttpServerRequest> upgrades,
              Supplier<TlsPolicy> initial) {
    this.server = server;
    this.settings = settings;
    this.lab = lab;
    this.handler = new CaEndpoint(lab.caPem(), HostCheck.of(server.host(), List.of()), upgrades);
    this.initial = initial;
  }

  @Override
  public Future<?> start() {
    List<Future<?>> listening = new ArrayList<>();
    if (settings.planPort() != null) {
      listening.add(http(settings.planPort(), initial.get()).onSuccess(s -> planServer = s));
    }
    settings.listeners().forEach((profile, port) -> {
      if (profile.isTls()) {
        listening.add(http(port, TlsPolicy.of(profile)).onSuccess(s -> ports.put(profile, s.actualPort())));
      } else {
        listening.add(NetworkProfileServer.listen(vertx, server.host(), port, profile).onSuccess(s -> {
          closers.add(s::close);
          ports.put(profile, s.actualPort());
        }));
      }
    });
    return Future.all(listening);
  }

  @Override
  public Future<?> stop() {
    return Future.join(closers.stream().map(Supplier::get).toList());
  }

  /** Present {@code policy} on the plan's port from the next handshake on; a fresh SSL context, no resumption. */
  Future<Boolean> apply(TlsPolicy policy) {
    HttpServer target = planServer;
    if (target == null) {
      return Future.succeededFuture(false);
    }
    return target.updateSSLOptions(sslOptions(policy), true);
  }

  int planPort() {
    HttpServer s = planServer;
    return s == null ? -1 : s.actualPort();
  }

  Map<TlsProfile, Integer> ports() {
    return java.util.Collections.unmodifiableMap(new EnumMap<>(ports));
  }

  private Future<HttpServer> http(int port, TlsPolicy policy) {
    ListenerLimits limits = new ListenerLimits(server.limits());
    HttpServerOptions options = ProfileOptions.apply(sslOptions(policy), limits.apply(new HttpServerOptions()
        .setHost(server.host())
        .setPort(port)
        .setWebSocketClosingTimeout(server.closeTimeoutSeconds())));
    return limits.install(vertx.createHttpServer(options), handler).listen().onSuccess(s -> closers.add(s::close));
  }

  private ServerSSLOptions sslOptions(TlsPolicy policy) {
    return ProfileOptions.of(lab, policy, settings.handshakeTimeoutValue());
  }
}
