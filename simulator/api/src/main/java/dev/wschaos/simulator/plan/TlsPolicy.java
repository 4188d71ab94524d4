package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the plan's {@code wss://} port presents: a default TLS profile and, per SNI host name, a certificate profile.
 * Part of the plan (not of the server settings) because it is chaos that changes at run time like the rules: a new
 * plan, or {@code WsChaosServer.switchTlsProfile}, takes effect for the next TLS handshake. Ports that were given a
 * fixed profile at start-up ignore it.
 *
 * <pre>{@code
 * tls:
 *   profile: valid                  # default for the plan's wss port
 *   hosts:                          # SNI host name -> certificate profile
 *     expired.localhost: expired
 *     wrong.localhost: wrong-host
 * }</pre>
 *
 * @param profile the profile for handshakes whose SNI host name is not listed (default {@code valid}); any TLS
 *                profile (not handshake-stall, handshake-reset or plaintext, which need a port of their own)
 * @param hosts   SNI host name to a certificate profile; protocols, ciphers and client authentication always come
 *                from {@code profile}, because a TLS server decides them before it reads the host name
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TlsPolicy(String profile, Map<String, String> hosts) {

  public static final TlsPolicy DEFAULT = new TlsPolicy(TlsProfile.VALID.id(), Map.of());

  @JsonCreator
  public TlsPolicy(@JsonProperty("profile") String profile, @JsonProperty("hosts") Map<String, String> hosts) {
    this.profile = profile == null ? TlsProfile.VALID.id() : profile;
    Map<String, String> copy = new LinkedHashMap<>();
    if (hosts != null) {
      hosts.forEach((host, value) -> copy.put(host == null ? "" : host.toLowerCase(Locale.ROOT), value));
    }
    this.hosts = Map.copyOf(copy);
  }

  public static TlsPolicy of(TlsProfile profile) {
    return new TlsPolicy(profile.id(), Map.of());
  }

  public TlsPolicy withProfile(TlsProfile value) {
    return new TlsPolicy(value.id(), hosts);
  }

  /** Present {@code value}'s certificate to clients that ask for {@code host} through SNI. */
  public TlsPolicy withHost(String host, TlsProfile value) {
    Map<String, String> next = new LinkedHashMap<>(hosts);
    next.put(host.toLowerCase(Locale.ROOT), value.id());
    return new TlsPolicy(profile, next);
  }

  /** The default profile; only meaningful on a valid policy. */
  public TlsProfile defaultProfile() {
    return TlsProfile.of(profile);
  }

  /** The profile for a handshake that asked for {@code sniHost} (may be null); only meaningful on a valid policy. */
  public TlsProfile profileFor(String sniHost) {
    String listed = sniHost == null ? null : hosts.get(sniHost.toLowerCase(Locale.ROOT));
    return listed == null ? defaultProfile() : TlsProfile.of(listed);
  }

  void validate(Problems problems) {
    TlsProfile.byName(profile).ifPresentOrElse(
        found -> {
          if (!found.isTls()) {
            problems.at("profile").error("'" + found.id() + "' is not a TLS configuration and needs a port of its own"
                + " (TlsSettings.listener or --tls-listener " + found.id() + "=PORT); allowed here: "
                + TlsProfile.names(TlsProfile.Kind.CERTIFICATE, TlsProfile.Kind.SETTINGS));
          }
        },
        () -> problems.at("profile").error("unknown TLS profile '" + profile + "'; allowed: "
            + TlsProfile.names(TlsProfile.Kind.CERTIFICATE, TlsProfile.Kind.SETTINGS)));
    hosts.forEach((host, value) -> {
      Problems at = problems.at("hosts").at(host);
      if (host.isBlank()) {
        at.error("an SNI host name cannot be empty");
      }
      if (TlsProfile.byName(value).map(p -> p.kind() != TlsProfile.Kind.CERTIFICATE).orElse(true)) {
        at.error("SNI can only choose the certificate: '" + value + "' is not one of "
            + TlsProfile.names(TlsProfile.Kind.CERTIFICATE));
      }
    });
  }
}
