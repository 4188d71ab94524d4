package dev.wschaos.simulator.assertj;

import dev.wschaos.simulator.analytics.ClientReport;
import org.assertj.core.api.Assertions;

/**
 * AssertJ entry point for what reconnect analytics saw of a client; also every {@link Assertions} method, so one
 * static import is enough. AssertJ is an optional dependency of the simulator: add {@code assertj-core} to use this.
 *
 * <pre>{@code
 * import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
 *
 * assertThat(chaos.client("c1"))
 *     .reconnectedTimes(3)
 *     .withExponentialBackoff()
 *     .respectedRetryAfter()
 *     .neverRetriedAfter(1008);
 * }</pre>
 */
public class WsChaosAssertions extends Assertions {

  protected WsChaosAssertions() {}

  /** Assertions on one client's attempts; failures show its attempt timeline. */
  public static ClientReportAssert assertThat(ClientReport client) {
    return new ClientReportAssert(client);
  }
}
