package dev.wschaos.simulator.cli;

import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.TlsPolicy;
import dev.wschaos.simulator.plan.TlsProfile;
import dev.wschaos.simulator.tls.TlsLab;
import dev.wschaos.simulator.tls.TlsSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The TLS lab's command-line options, mixed into {@link WsChaosCommand}. */
final class TlsOptions {

  @Option(names = "--tls-port", paramLabel = "PORT",
      description = "also serve wss:// on this port (0: a free one), with the plan's tls profile (default valid)")
  Integer tlsPort;

  @Option(names = "--tls-profile", paramLabel = "NAME",
      description = "the profile of --tls-port, overriding the plan's tls.profile")
  String tlsProfile;

  @Option(names = "--tls-listener", paramLabel = "PROFILE=PORT",
      description = "a wss port with a fixed profile (repeatable; PORT 0: a free one). Profiles: valid, expired, "
          + "not-yet-valid, self-signed, untrusted-root, wrong-host, incomplete-chain, weak-key, sha1-signature, "
          + "tls1.2-only, tls1.3-only, no-shared-cipher, client-cert-required, handshake-stall, handshake-reset, "
          + "plaintext")
  Map<String, Integer> listeners = new LinkedHashMap<>();

  @Option(names = "--tls-all-profiles", description = "every TLS profile on a free port of its own")
  boolean allProfiles;

  @Option(names = "--ca-out", paramLabel = "DIR",
      description = "write the test root CA there: wschaos-ca.pem and wschaos-ca.p12 (trust store, password changeit)")
  Path caOut;

  boolean enabled() {
    return tlsPort != null || tlsProfile != null || !listeners.isEmpty() || allProfiles || caOut != null;
  }

  /** The plan with {@code --tls-profile} applied (validated by the caller). */
  Plan applyTo(Plan plan) {
    return tlsProfile == null ? plan : plan.withTls(new TlsPolicy(tlsProfile, plan.tls().hosts()));
  }

  /** @throws IllegalArgumentException for unknown profile names */
  TlsSettings settings() {
    TlsSettings settings = tlsPort == null ? TlsSettings.none() : TlsSettings.port(tlsPort);
    if (allProfiles) {
      settings = settings.allProfiles();
    }
    for (Map.Entry<String, Integer> listener : listeners.entrySet()) {
      TlsProfile profile = TlsProfile.byName(listener.getKey()).orElseThrow(() -> new IllegalArgumentException(
          "--tls-listener " + listener.getKey() + "=" + listener.getValue() + ": unknown TLS profile '"
              + listener.getKey() + "'; allowed: " + TlsProfile.names(TlsProfile.Kind.values())));
      settings = settings.listener(profile, listener.getValue());
    }
    return caOut == null ? settings : settings.caOut(caOut);
  }

  static void printListening(TlsLab tls, PrintWriter out) {
    if (tls.hasPlanPort()) {
      out.println("wschaos TLS listening on " + tls.wssUrl("/") + " (profile from the plan; CA at https://"
          + tls.wssUrl("/").getAuthority() + TlsLab.CA_PATH + ")");
    }
    tls.ports().forEach((profile, port) -> out.printf("wschaos TLS %-22s %s%n", profile.id(), tls.wssUrl(profile, "/")));
    tls.caFiles().forEach(file -> out.println("wschaos CA written to " + file));
  }
}
