package dev.wschaos.simulator.tls;

import dev.wschaos.simulator.plan.TlsProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Every key and certificate the TLS lab serves, generated in memory: a wschaos test root CA, an intermediate CA, a
 * second root and intermediate that no client trusts, and one leaf per certificate profile. Nothing touches the disk
 * unless you ask ({@link CaFiles}). Generation takes about a second; reuse one lab where you can.
 *
 * <pre>{@code
 * CertificateLab lab = CertificateLab.generate();
 * String pem = lab.caPem();                                   // give this to clients
 * KeyStore trust = lab.trustStore();                          // or this
 * KeyStore client = lab.issueClientKeyStore("client-1", "changeit".toCharArray());   // for client-cert-required
 * }</pre>
 */
public final class CertificateLab {

  /** Password of the PKCS12 trust store written by {@link CaFiles}. */
  public static final String TRUSTSTORE_PASSWORD = "changeit";
  /** The only name the {@code wrong-host} certificate is valid for. */
  public static final String WRONG_HOST = "wrong.host.wschaos.test";

  /** A private key and the certificates served with it, leaf first. */
  public record Identity(PrivateKey key, List<X509Certificate> chain) {
    public X509Certificate leaf() {
      return chain.get(0);
    }
  }

  private static final String SHA256 = "SHA256withRSA";
  private static final List<GeneralName> LOCAL_NAMES = List.of(
      new GeneralName(GeneralName.dNSName, "localhost"),
      new GeneralName(GeneralName.dNSName, "*.localhost"),
      new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
      new GeneralName(GeneralName.iPAddress, "::1"));

  private final SecureRandom random = new SecureRandom();
  private final Instant now = Instant.now();
  private final String runId = HexFormat.of().formatHex(random.generateSeed(4));
  private final KeyPair rootKeys;
  private final X509Certificate root;
  private final KeyPair intermediateKeys;
  private final X509Certificate intermediate;
  private final Map<TlsProfile, Identity> identities = new EnumMap<>(TlsProfile.class);

  private CertificateLab() throws GeneralSecurityException, OperatorCreationException, IOException {
    rootKeys = rsa(2048);
    root = ca(rootName("wschaos test root CA"), rootKeys, null, null, 1);
    intermediateKeys = rsa(2048);
    intermediate = ca(name("wschaos test intermediate CA"), intermediateKeys, root, rootKeys.getPrivate(), 0);
    KeyPair strangerRootKeys = rsa(2048);
    X509Certificate strangerRoot = ca(rootName("wschaos UNTRUSTED root CA"), strangerRootKeys, null, null, 1);
    KeyPair strangerIntermediateKeys = rsa(2048);
    X509Certificate strangerIntermediate = ca(name("wschaos UNTRUSTED intermediate CA"), strangerIntermediateKeys,
        strangerRoot, strangerRootKeys.getPrivate(), 0);
    KeyPair leafKeys = rsa(2048);
    KeyPair weakKeys = rsa(1024);

    Instant from = now.minus(Duration.ofHours(1));
    Instant until = now.plus(Duration.ofDays(90));
    X509Certificate valid = leaf("localhost", LOCAL_NAMES, leafKeys, from, until, SHA256);
    identities.put(TlsProfile.VALID, new Identity(leafKeys.getPrivate(), List.of(valid, intermediate)));
    identities.put(TlsProfile.EXPIRED, new Identity(leafKeys.getPrivate(), List.of(
        leaf("localhost", LOCAL_NAMES, leafKeys, now.minus(Duration.ofDays(91)), now.minus(Duration.ofDays(1)), SHA256),
        intermediate)));
    identities.put(TlsProfile.NOT_YET_VALID, new Identity(leafKeys.getPrivate(), List.of(
        leaf("localhost", LOCAL_NAMES, leafKeys, now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(120)), SHA256),
        intermediate)));
    identities.put(TlsProfile.SELF_SIGNED, new Identity(leafKeys.getPrivate(), List.of(
        build(name("localhost self-signed"), name("localhost self-signed"), leafKeys, leafKeys.getPrivate(), null,
            from, until, SHA256, leafExtensions(LOCAL_NAMES)))));
    identities.put(TlsProfile.UNTRUSTED_ROOT, new Identity(leafKeys.getPrivate(), List.of(
        build(name("localhost"), X500Name.getInstance(strangerIntermediate.getSubjectX500Principal().getEncoded()),
            leafKeys, strangerIntermediateKeys.getPrivate(), strangerIntermediate, from, until, SHA256,
            leafExtensions(LOCAL_NAMES)),
        strangerIntermediate)));
    identities.put(TlsProfile.WRONG_HOST, new Identity(leafKeys.getPrivate(), List.of(
        leaf(WRONG_HOST, List.of(new GeneralName(GeneralName.dNSName, WRONG_HOST)), leafKeys, from, until, SHA256),
        intermediate)));
    identities.put(TlsProfile.INCOMPLETE_CHAIN, new Identity(leafKeys.getPrivate(), List.of(valid)));
    identities.put(TlsProfile.WEAK_KEY, new Identity(weakKeys.getPrivate(), List.of(
        leaf("localhost", LOCAL_NAMES, weakKeys, from, until, SHA256), intermediate)));
    identities.put(TlsProfile.SHA1_SIGNATURE, new Identity(leafKeys.getPrivate(), List.of(
        leaf("localhost", LOCAL_NAMES, leafKeys, from, until, "SHA1withRSA"), intermediate)));
  }

  /** Generate a new lab: new keys, a new root CA (its name carries a random run id). */
  public static CertificateLab generate() {
    try {
      return new CertificateLab();
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("wschaos could not generate its TLS certificates: " + e, e);
    }
  }

  /** The test root CA every {@code valid} chain ends in. */
  public X509Certificate rootCa() {
    return root;
  }

  public X509Certificate intermediateCa() {
    return intermediate;
  }

  /** The root CA as PEM, for {@code curl --cacert}, Node's {@code ca} option or {@code NODE_EXTRA_CA_CERTS}. */
  public String caPem() {
    return pem(root);
  }

  /** A PKCS12 trust store holding the root CA (in memory; password irrelevant until stored). */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("wschaos-test-root-ca", root);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #trustStore()} as PKCS12 bytes protected by {@code password}. */
  public byte[] trustStoreBytes(char[] password) {
    return store(trustStore(), password);
  }

  /** The key and chain served for a TLS profile (settings profiles serve the {@code valid} identity). */
  public Identity identity(TlsProfile profile) {
    Identity identity = identities.get(profile);
    return identity != null ? identity : identities.get(TlsProfile.VALID);
  }

  /**
   * A client identity for {@code client-cert-required}: a new key and a certificate issued by the intermediate CA
   * (extended key usage clientAuth), as a PKCS12 key store with one entry {@code client}, chain leaf + intermediate.
   */
  public KeyStore issueClientKeyStore(String commonName, char[] password) {
    try {
      KeyPair keys = rsa(2048);
      X509Certificate cert = build(name(commonName), issuerName(intermediate), keys, intermediateKeys.getPrivate(),
          intermediate, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)), SHA256,
          new Extensions(KeyPurposeId.id_kp_clientAuth, List.of()));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", keys.getPrivate(), password, new X509Certificate[] {cert, intermediate});
      return store;
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("wschaos could not issue a client certificate: " + e, e);
    }
  }

  /** A key store as PKCS12 bytes. */
  public static byte[] store(KeyStore store, char[] password) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Extensions(KeyPurposeId usage, List<GeneralName> names) {}

  private static Extensions leafExtensions(List<GeneralName> names) {
    return new Extensions(KeyPurposeId.id_kp_serverAuth, names);
  }

  private X509Certificate ca(X500Name subject, KeyPair keys, X509Certificate issuer, PrivateKey issuerKey,
                             int pathLength) throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name issuerName = issuer == null ? subject : issuerName(issuer);
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial(),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
        keys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
    if (issuer != null) {
      builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
    }
    return sign(builder, issuer == null ? keys.getPrivate() : issuerKey, SHA256);
  }

  private X509Certificate leaf(String commonName, List<GeneralName> names, KeyPair keys, Instant from, Instant until,
                               String algorithm) throws GeneralSecurityException, OperatorCreationException, IOException {
    return build(name(commonName), issuerName(intermediate), keys, intermediateKeys.getPrivate(), intermediate,
        from, until, algorithm, leafExtensions(names));
  }

  private X509Certificate build(X500Name subject, X500Name issuerName, KeyPair keys, PrivateKey signer,
                                X509Certificate issuer, Instant from, Instant until, String algorithm,
                                Extensions extensions)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial(), Date.from(from),
        Date.from(until), subject, keys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extensions.usage()));
    builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
    if (issuer != null) {
      builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
    }
    if (!extensions.names().isEmpty()) {
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(extensions.names().toArray(GeneralName[]::new)));
    }
    return sign(builder, signer, algorithm);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, String algorithm)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder(algorithm).build(key)));
  }

  private KeyPair rsa(int bits) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits, random);
    return generator.generateKeyPair();
  }

  private BigInteger serial() {
    return new BigInteger(63, random).add(BigInteger.ONE);
  }

  private X500Name rootName(String commonName) {
    return name(commonName + " " + runId);
  }

  private static X500Name name(String commonName) {
    return new X500Name("CN=" + commonName.replace(",", "\\,") + ",O=wschaos TLS lab");
  }

  private static X500Name issuerName(X509Certificate issuer) {
    return X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
  }
}
