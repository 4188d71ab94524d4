package dev.wschaos.simulator.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.http.HttpClient;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.security.KeyStore;
import java.security.interfaces.RSAKey;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/** TLS set-ups of the test clients: trust in the wschaos test CA, client certificates, stricter policies. */
public final class TlsClients {

  public static final char[] PASSWORD = "changeit".toCharArray();

  private TlsClients() {}

  /** An SSLContext trusting {@code trust}, presenting the key entry of {@code keys} when not null. */
  public static SSLContext context(KeyStore trust, KeyStore keys) {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManagerFactory kmf = null;
      if (keys != null) {
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JDK HttpClient of its own (its own TLS session cache) with this context and parameters. */
  public static HttpClient jdk(SSLContext context, SSLParameters parameters) {
    HttpClient.Builder builder = HttpClient.newBuilder().sslContext(context);
    if (parameters != null) {
      builder.sslParameters(parameters);
    }
    return builder.build();
  }

  /** Default JDK parameters limited to these protocols. */
  public static SSLParameters protocols(SSLContext context, String... protocols) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setProtocols(protocols);
    return parameters;
  }

  /** Default JDK parameters plus a policy many companies enforce: RSA keys of 2048 bits or more, no SHA-1 signatures. */
  public static SSLParameters strictPolicy(SSLContext context) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    parameters.setAlgorithmConstraints(new StrictPolicy());
    return parameters;
  }

  public static WebSocketClientOptions vertx(String caPem) {
    return new WebSocketClientOptions()
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(caPem)))
        .setSslHandshakeTimeout(3)
        .setSslHandshakeTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS);
  }

  public static WebSocketClientOptions vertxWithClientCert(String caPem, KeyStore keys) {
    return vertx(caPem).setKeyCertOptions(new KeyStoreOptions().setType("PKCS12")
        .setValue(Buffer.buffer(dev.wschaos.simulator.tls.CertificateLab.store(keys, PASSWORD)))
        .setPassword(new String(PASSWORD)));
  }

  private static final class StrictPolicy implements AlgorithmConstraints {
    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
      return !"SHA1withRSA".equalsIgnoreCase(algorithm);
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
      return !(key instanceof RSAKey rsa && rsa.getModulus().bitLength() < 2048);
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
      return permits(primitives, algorithm, parameters) && permits(primitives, key);
    }
  }
}
