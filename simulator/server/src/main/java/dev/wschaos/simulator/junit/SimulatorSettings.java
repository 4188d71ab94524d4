package dev.wschaos.simulator.junit;

import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.tls.TlsSettings;
import java.net.URI;

/** What one extension registration asks for: from a {@link WsChaosExtension.Builder} or a {@link WsChaosTest}. */
record SimulatorSettings(Plan plan, int port, Long seed, boolean resetBeforeEach, TlsSettings tls,
    AdminSettings admin, URI remoteAdminUrl, String remoteToken) {

  static SimulatorSettings of(WsChaosTest annotation, Class<?> testClass) {
    return new SimulatorSettings(WsChaosExtension.loadPlan(annotation.plan(), testClass), annotation.port(),
        annotation.seed() == WsChaosExtension.NO_SEED ? null : annotation.seed(), annotation.resetBeforeEach(),
        annotation.tls() ? TlsSettings.port(0) : null, annotation.admin() ? AdminSettings.loopback(0) : null,
        null, null);
  }

  boolean remote() {
    return remoteAdminUrl != null;
  }
}
