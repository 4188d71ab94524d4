package dev.wschaos.simulator.junit;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.dsl.Chaos;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the test's simulator listens and how to control it; injected into test methods by {@link WsChaosTest} and
 * {@link WsChaosExtension}.
 *
 * <pre>{@code
 * @Test
 * void test(WsChaosRuntimeInfo wschaos) {
 *   URI url = wschaos.wsUrl("/feed?clientId=c1");
 *   wschaos.chaos().onHandshake().attempt(1).reject(503);
 *   HttpClient https = HttpClient.newBuilder().sslContext(wschaos.sslContext()).build();   // with tls = true
 *   https.newWebSocketBuilder().buildAsync(wschaos.wssUrl("/feed"), listener);
 * }
 * }</pre>
 */
public final class WsChaosRuntimeInfo {

  private final WsChaosServer server;
  private final AdminClient remote;
  private final URI wsBase;
  private final URI adminUrl;
  private final Chaos chaos;
  private KeyStore trustStore;
  private SSLContext sslContext;

  private WsChaosRuntimeInfo(WsChaosServer server, AdminClient remote, URI wsBase, URI adminUrl, Chaos chaos) {
    this.server = server;
    this.remote = remote;
    this.wsBase = wsBase;
    this.adminUrl = adminUrl;
    this.chaos = chaos;
  }

  static WsChaosRuntimeInfo local(WsChaosServer server, Chaos chaos) {
    return new WsChaosRuntimeInfo(server, null, server.wsUrl(), server.adminUrl(), chaos);
  }

  static WsChaosRuntimeInfo remote(AdminClient admin, URI wsUrl, URI adminUrl, Chaos chaos) {
    return new WsChaosRuntimeInfo(null, admin, wsUrl, adminUrl, chaos);
  }

  /** {@code ws://127.0.0.1:PORT/}. */
  public URI wsUrl() {
    return wsUrl("/");
  }

  /** {@code ws://127.0.0.1:PORT} followed by {@code pathAndQuery}. */
  public URI wsUrl(String pathAndQuery) {
    String base = wsBase.toString().replaceAll("/+$", "");
    return URI.create(base + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery));
  }

  /** {@code wss://127.0.0.1:PORT} of the plan's TLS port followed by {@code pathAndQuery} (TLS on, local only). */
  public URI wssUrl(String pathAndQuery) {
    return localServer("wssUrl").wssUrl(pathAndQuery);
  }

  /** {@code wss://127.0.0.1:PORT/}. */
  public URI wssUrl() {
    return wssUrl("/");
  }

  /** The admin API's {@code http://host:port}, or {@code null} when it is off. */
  public URI adminUrl() {
    return adminUrl;
  }

  public String host() {
    return wsBase.getHost();
  }

  public int port() {
    return wsBase.getPort();
  }

  /** Whether the simulator runs elsewhere and is driven through its admin API. */
  public boolean remote() {
    return remote != null;
  }

  /** A trust store holding the simulator's test root CA (TLS on; for a remote simulator, fetched from it). */
  public synchronized KeyStore trustStore() {
    if (trustStore == null) {
      trustStore = server != null ? server.tls().trustStore() : fromPem(remote.caPem());
    }
    return trustStore;
  }

  /** An {@link SSLContext} that trusts the test root CA and nothing else, for {@code wss://} clients. */
  public synchronized SSLContext sslContext() {
    if (sslContext == null) {
      try {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        sslContext = context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot build an SSLContext trusting the wschaos CA: " + e, e);
      }
    }
    return sslContext;
  }

  /** The fault DSL for this simulator. */
  public Chaos chaos() {
    return chaos;
  }

  /** The simulator itself, for everything else. @throws IllegalStateException in remote mode */
  public WsChaosServer server() {
    return localServer("server()");
  }

  private WsChaosServer localServer(String what) {
    if (server == null) {
      throw new IllegalStateException(what + " is not available for a remote simulator (" + adminUrl
          + "): use chaos() and wsUrl()");
    }
    return server;
  }

  private static KeyStore fromPem(String pem) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        store.setCertificateEntry("wschaos-ca-" + i++, cert);
      }
      return store;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the wschaos CA certificate: " + e, e);
    }
  }
}
