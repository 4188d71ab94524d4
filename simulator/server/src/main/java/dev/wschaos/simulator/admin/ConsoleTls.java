package dev.wschaos.simulator.admin;

import dev.wschaos.simulator.plan.TlsProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /ui/tls}: the TLS profile the plan's wss port presents and the profiles it can switch to (with
 * {@code PUT /plan/tls}); when the simulator runs without TLS, why the switch is off.
 *
 * <pre>{@code
 * {"enabled":true,"profile":"valid","profiles":[{"id":"expired","kind":"CERTIFICATE","summary":"leaf ..."}, ...]}
 * }</pre>
 */
record ConsoleTls(boolean enabled, String profile, String reason, List<Profile> profiles) {

  static final String OFF = "wschaos was started without TLS: start it with --tls-port (or builder().tls(..)) "
      + "to switch TLS profiles";

  record Profile(String id, String kind, String summary) {
  }

  static ConsoleTls of(AdminBackend backend) {
    boolean enabled = backend.tlsCaPem().isPresent();
    List<Profile> profiles = Arrays.stream(TlsProfile.values())
        .map(p -> new Profile(p.id(), p.kind().name().toLowerCase(Locale.ROOT), p.summary())).toList();
    return new ConsoleTls(enabled, backend.plan().tls().profile(), enabled ? null : OFF, profiles);
  }
}
