package dev.wschaos.simulator.tls;

import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.plan.TlsProfile;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the certificate of a handshake from the SNI host name the client sent, per a {@link TlsPolicy}. The alias
 * is the profile name. Every lab key is RSA, so other key types get no alias (this is what makes
 * {@code no-shared-cipher}, which enables only ECDSA suites, fail for every client).
 */
final class ProfileKeyManager extends X509ExtendedKeyManager {

  private final CertificateLab lab;
  private final TlsPolicy policy;

  ProfileKeyManager(CertificateLab lab, TlsPolicy policy) {
    this.lab = lab;
    this.policy = policy;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return choose(keyType, engine == null ? null : engine.getHandshakeSession());
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return choose(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return "RSA".equals(keyType) ? Arrays.stream(TlsProfile.values()).map(TlsProfile::id).toArray(String[]::new) : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return TlsProfile.byName(alias).map(p -> lab.identity(p).chain().toArray(X509Certificate[]::new)).orElse(null);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return TlsProfile.byName(alias).map(p -> lab.identity(p).key()).orElse(null);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  private String choose(String keyType, SSLSession session) {
    if (!"RSA".equals(keyType)) {
      return null;
    }
    return policy.profileFor(sniHost(session)).id();
  }

  private static String sniHost(SSLSession session) {
    if (session instanceof ExtendedSSLSession extended) {
      for (SNIServerName name : extended.getRequestedServerNames()) {
        if (name.getType() == StandardConstants.SNI_HOST_NAME) {
          return name instanceof SNIHostName host ? host.getAsciiName() : new SNIHostName(name.getEncoded()).getAsciiName();
        }
      }
    }
    return null;
  }
}
