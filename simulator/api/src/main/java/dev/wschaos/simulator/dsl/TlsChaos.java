package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.plan.TlsProfile;

/**
 * TLS faults on the plan's wss port (see {@code docs/tls.md}): the profile changes from the next handshake on.
 *
 * <pre>{@code
 * chaos.tls().switchTo(TlsProfile.EXPIRED);
 * chaos.tls().switchTo(TlsProfile.VALID);
 * }</pre>
 */
public final class TlsChaos {

  private final Chaos chaos;

  TlsChaos(Chaos chaos) {
    this.chaos = chaos;
  }

  /** Present {@code profile} from the next TLS handshake on (SNI host names kept). */
  public Chaos switchTo(TlsProfile profile) {
    chaos.target().switchTlsProfile(profile);
    return chaos;
  }
}
