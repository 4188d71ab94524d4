package dev.wschaos.loadtests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;

/**
 * Makes this JVM's default trust (which Gatling uses: {@code gatling.ssl.useInsecureTrustManager = false} in
 * gatling.conf) the simulator's test CA, so that a wss:// run validates certificates as a real client does and an
 * expired or wrong certificate fails the connect. Gatling builds each user's SSL context when the user starts, after
 * the simulation is constructed, so setting {@code javax.net.ssl.trustStore} here is in time.
 */
final class LabTrust {

  private static final String PASSWORD = "wschaos";

  private LabTrust() {}

  static void trust(Optional<String> caPem, Path dir) {
    if (caPem.isEmpty()) {
      System.out.println("wschaos: the simulator's CA is unknown (give -Dadmin for a remote target); wss:// uses "
          + "the JDK's default trust store");
      return;
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (Certificate ca : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(caPem.get().getBytes(StandardCharsets.US_ASCII)))) {
        store.setCertificateEntry("wschaos-ca-" + i++, ca);
      }
      Files.createDirectories(dir);
      Path file = dir.resolve("lab-truststore.p12").toAbsolutePath();
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, PASSWORD.toCharArray());
      }
      System.setProperty("javax.net.ssl.trustStore", file.toString());
      System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
      System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
      System.out.println("wschaos: clients trust the simulator's test CA only (" + file + ")");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not build a trust store from the simulator's CA: " + e.getMessage(), e);
    }
  }
}
