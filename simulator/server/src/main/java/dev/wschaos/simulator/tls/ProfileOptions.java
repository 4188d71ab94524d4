package dev.wschaos.simulator.tls;

import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.plan.TlsProfile;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The Vert.x TLS options of a TLS profile: one place that says what each settings profile changes. */
final class ProfileOptions {

  static final Set<String> MODERN = Set.of("TLSv1.2", "TLSv1.3");
  /** ECDSA suites only, while every lab key is RSA: the server can negotiate nothing. */
  static final Set<String> UNUSABLE_SUITES = Set.of(
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");

  private ProfileOptions() {}

  /** A new set of options (a new key manager, so Vert.x builds a new SSL context and session cache). */
  static ServerSSLOptions of(CertificateLab lab, TlsPolicy policy, Duration handshakeTimeout) {
    ServerSSLOptions options = new ServerSSLOptions()
        .setKeyCertOptions(KeyCertOptions.wrap(new ProfileKeyManager(lab, policy)))
        .setSslHandshakeTimeout(handshakeTimeout.toMillis())
        .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
        .setEnabledSecureTransportProtocols(MODERN);
    TlsProfile profile = policy.defaultProfile();
    switch (profile) {
      case TLS12_ONLY -> options.setEnabledSecureTransportProtocols(Set.of("TLSv1.2"));
      case TLS13_ONLY -> options.setEnabledSecureTransportProtocols(Set.of("TLSv1.3"));
      case NO_SHARED_CIPHER -> {
        options.setEnabledSecureTransportProtocols(Set.of("TLSv1.2"));
        UNUSABLE_SUITES.forEach(options::addEnabledCipherSuite);
      }
      case CLIENT_CERT_REQUIRED -> options.setClientAuth(ClientAuth.REQUIRED)
          .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(lab.caPem())));
      default -> { }
    }
    return options;
  }

  /** Copies TLS options into server options for the first {@code listen}. */
  static HttpServerOptions apply(ServerSSLOptions ssl, HttpServerOptions server) {
    server.setSsl(true)
        .setKeyCertOptions(ssl.getKeyCertOptions())
        .setTrustOptions(ssl.getTrustOptions())
        .setClientAuth(ssl.getClientAuth())
        .setEnabledSecureTransportProtocols(ssl.getEnabledSecureTransportProtocols())
        .setSslHandshakeTimeout(ssl.getSslHandshakeTimeout())
        .setSslHandshakeTimeoutUnit(ssl.getSslHandshakeTimeoutUnit());
    ssl.getEnabledCipherSuites().forEach(server::addEnabledCipherSuite);
    return server;
  }
}
