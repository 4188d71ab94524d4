package dev.wschaos.simulator.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a {@code wss://} listener presents to a client: a healthy TLS set-up, a broken certificate, a narrow TLS
 * configuration, or a listener that does not speak TLS properly at all. Names as in plans and on the command line.
 *
 * <pre>{@code
 * TlsProfile.byName("incomplete-chain");   // Optional[INCOMPLETE_CHAIN]
 * TlsProfile.EXPIRED.kind();               // CERTIFICATE: can be chosen per SNI host name
 * }</pre>
 */
public enum TlsProfile {
  VALID("valid", Kind.CERTIFICATE, "a chain to the wschaos test CA, SAN localhost, *.localhost, 127.0.0.1, ::1"),
  EXPIRED("expired", Kind.CERTIFICATE, "leaf certificate expired yesterday (missed renewal)"),
  NOT_YET_VALID("not-yet-valid", Kind.CERTIFICATE, "leaf certificate valid from 30 days in the future (clock skew)"),
  SELF_SIGNED("self-signed", Kind.CERTIFICATE, "leaf certificate signed by its own key"),
  UNTRUSTED_ROOT("untrusted-root", Kind.CERTIFICATE, "a complete chain to a root CA the client does not trust"),
  WRONG_HOST("wrong-host", Kind.CERTIFICATE, "certificate for wrong.host.wschaos.test only"),
  INCOMPLETE_CHAIN("incomplete-chain", Kind.CERTIFICATE, "leaf certificate served without its intermediate CA"),
  WEAK_KEY("weak-key", Kind.CERTIFICATE, "leaf certificate with a 1024-bit RSA key"),
  SHA1_SIGNATURE("sha1-signature", Kind.CERTIFICATE, "leaf certificate signed with SHA1withRSA"),
  TLS12_ONLY("tls1.2-only", Kind.SETTINGS, "TLS 1.2 only"),
  TLS13_ONLY("tls1.3-only", Kind.SETTINGS, "TLS 1.3 only"),
  NO_SHARED_CIPHER("no-shared-cipher", Kind.SETTINGS, "no cipher suite any client can negotiate: handshake_failure"),
  CLIENT_CERT_REQUIRED("client-cert-required", Kind.SETTINGS, "mutual TLS: a client certificate from the test CA"),
  HANDSHAKE_STALL("handshake-stall", Kind.NETWORK, "TCP accepted, the ClientHello is never answered"),
  HANDSHAKE_RESET("handshake-reset", Kind.NETWORK, "TCP reset (RST) after the ClientHello"),
  PLAINTEXT("plaintext", Kind.NETWORK, "answers the ClientHello with a plain HTTP/1.1 400 response");

  /** How a profile can be selected. */
  public enum Kind {
    /** Only the certificate differs: selectable per port, per SNI host name, at run time. */
    CERTIFICATE,
    /** TLS settings (protocols, ciphers, client authentication): per port or as a listener's profile. */
    SETTINGS,
    /** Not a TLS configuration: a listener of its own that misbehaves at the TCP level. */
    NETWORK
  }

  private final String id;
  private final Kind kind;
  private final String summary;

  TlsProfile(String id, Kind kind, String summary) {
    this.id = id;
    this.kind = kind;
    this.summary = summary;
  }

  /** The name used in plans and on the command line, e.g. {@code not-yet-valid}. */
  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String summary() {
    return summary;
  }

  public boolean isTls() {
    return kind != Kind.NETWORK;
  }

  public static Optional<TlsProfile> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
  }

  /** @throws IllegalArgumentException naming every allowed profile */
  public static TlsProfile of(String name) {
    return byName(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown TLS profile '" + name + "'; allowed: " + names(Kind.values())));
  }

  /** The names of the profiles of these kinds, comma-separated. */
  public static String names(Kind... kinds) {
    return Arrays.stream(values()).filter(p -> Arrays.asList(kinds).contains(p.kind)).map(TlsProfile::id)
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
