package dev.wschaos.simulator.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the lab's root CA where the user asked: {@code wschaos-ca.pem} and {@code wschaos-ca.p12} (a PKCS12 trust
 * store, password {@value CertificateLab#TRUSTSTORE_PASSWORD}). Private keys are never written.
 *
 * <pre>{@code
 * CaFiles.requireWritable(dir);          // before anything starts
 * List<Path> written = CaFiles.write(lab, dir);
 * }</pre>
 */
public final class CaFiles {

  public static final String PEM = "wschaos-ca.pem";
  public static final String PKCS12 = "wschaos-ca.p12";

  private CaFiles() {}

  /** @throws IllegalArgumentException saying why the CA cannot be written to {@code dir} */
  public static void requireWritable(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--ca-out " + dir + ": not a directory (give a directory; wschaos writes "
          + PEM + " and " + PKCS12 + " into it)");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("--ca-out " + dir + ": cannot create the directory (" + e + ")");
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalArgumentException("--ca-out " + dir + ": the directory is not writable");
    }
    for (String file : List.of(PEM, PKCS12)) {
      Path target = dir.resolve(file);
      if (Files.exists(target) && !Files.isWritable(target)) {
        throw new IllegalArgumentException("--ca-out " + dir + ": " + target + " exists and is not writable");
      }
    }
  }

  /** Write the PEM and the PKCS12 trust store; returns the files written. */
  public static List<Path> write(CertificateLab lab, Path dir) {
    requireWritable(dir);
    Path pem = dir.resolve(PEM);
    Path p12 = dir.resolve(PKCS12);
    try {
      Files.writeString(pem, lab.caPem(), StandardCharsets.US_ASCII);
      Files.write(p12, lab.trustStoreBytes(CertificateLab.TRUSTSTORE_PASSWORD.toCharArray()));
    } catch (IOException e) {
      throw new IllegalArgumentException("--ca-out " + dir + ": could not write the CA (" + e + ")");
    }
    return List.of(pem, p12);
  }
}
