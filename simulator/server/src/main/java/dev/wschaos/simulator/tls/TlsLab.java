package dev.wschaos.simulator.tls;

import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.server.ServerSettings;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The running TLS fault lab of a {@code WsChaosServer}: its certificates, its ports and their URLs.
 *
 * <pre>{@code
 * TlsLab tls = server.tls();
 * URI url = tls.wssUrl(TlsProfile.EXPIRED, "/feed");         // wss://127.0.0.1:PORT/feed, always expired
 * URI planUrl = tls.wssUrl("/feed");                          // the plan's wss port
 * String pem = tls.caPem();                                   // also at https://HOST:PORT/.well-known/wschaos/ca.pem
 * KeyStore client = tls.certificates().issueClientKeyStore("c1", "changeit".toCharArray());
 * }</pre>
 */
public final class TlsLab {

  /** Where every TLS listener serves the root CA as PEM. */
  public static final String CA_PATH = CaEndpoint.PATH;

  private final ServerSettings server;
  private final TlsSettings settings;
  private final CertificateLab certificates;
  private final List<Path> caFiles;
  private TlsVerticle verticle;
  private String deploymentId;

  private TlsLab(ServerSettings server, TlsSettings settings, CertificateLab certificates, List<Path> caFiles) {
    this.server = server;
    this.settings = settings;
    this.certificates = certificates;
    this.caFiles = caFiles;
  }

  /**
   * Check the settings, generate (or take) the certificates and write the CA files; nothing listens yet. Used by
   * {@code WsChaosServer} before it starts anything.
   *
   * @throws IllegalArgumentException listing every problem (conflicting ports, unwritable CA directory)
   */
  public static TlsLab prepare(TlsSettings settings, ServerSettings server) {
    List<String> problems = settings.problems(server.port());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid TLS settings: " + String.join("; ", problems));
    }
    if (settings.caOutDir() != null) {
      CaFiles.requireWritable(settings.caOutDir());
    }
    CertificateLab lab = settings.presetLab() != null ? settings.presetLab() : CertificateLab.generate();
    List<Path> written = settings.caOutDir() == null ? List.of() : CaFiles.write(lab, settings.caOutDir());
    return new TlsLab(server, settings, lab, written);
  }

  /** Start the listeners; {@code upgrades} handles every request that reaches HTTP. Used by {@code WsChaosServer}. */
  public Future<String> deploy(Vertx vertx, Handler<HttpServerRequest> upgrades, Supplier<TlsPolicy> policy) {
    verticle = new TlsVerticle(server, settings, certificates, upgrades, policy);
    return vertx.deployVerticle(verticle).onSuccess(id -> deploymentId = id);
  }

  /** Stop the listeners. Used by {@code WsChaosServer}. */
  public Future<?> undeploy(Vertx vertx) {
    return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
  }

  /** Present {@code policy} on the plan's wss port from the next handshake on. Used by {@code WsChaosServer}. */
  public Future<Boolean> apply(TlsPolicy policy) {
    return verticle == null ? Future.succeededFuture(false) : verticle.apply(policy);
  }

  public CertificateLab certificates() {
    return certificates;
  }

  /** The root CA clients must trust, as PEM. */
  public String caPem() {
    return certificates.caPem();
  }

  public KeyStore trustStore() {
    return certificates.trustStore();
  }

  /** The files written for {@code caOut}, empty when none was asked for. */
  public List<Path> caFiles() {
    return caFiles;
  }

  /** The plan's wss port. @throws IllegalStateException when the server has none */
  public int port() {
    if (settings.planPort() == null) {
      throw new IllegalStateException("no plan wss port: use TlsSettings.port(..) or --tls-port");
    }
    return verticle.planPort();
  }

  /** The port of a fixed-profile listener. @throws IllegalStateException when there is none */
  public int port(TlsProfile profile) {
    Integer port = verticle.ports().get(profile);
    if (port == null) {
      throw new IllegalStateException("no " + profile.id() + " listener: use TlsSettings.listener(" + profile.name()
          + ", port) or --tls-listener " + profile.id() + "=PORT");
    }
    return port;
  }

  /** Fixed-profile listeners and their actual ports. */
  public Map<TlsProfile, Integer> ports() {
    return verticle.ports();
  }

  public boolean hasPlanPort() {
    return settings.planPort() != null;
  }

  /** {@code wss://host:port} of the plan's port followed by {@code pathAndQuery}. */
  public URI wssUrl(String pathAndQuery) {
    return url(port(), pathAndQuery);
  }

  /** {@code wss://host:port} of a fixed-profile listener followed by {@code pathAndQuery}. */
  public URI wssUrl(TlsProfile profile, String pathAndQuery) {
    return url(port(profile), pathAndQuery);
  }

  private URI url(int port, String pathAndQuery) {
    String host = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
    String suffix = pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
    return URI.create("wss://" + host + ":" + port + suffix);
  }
}
