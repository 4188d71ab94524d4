package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.fleet.ConnectionInfo;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waits, without sleeping, until one client reaches a state; fails after the timeout (default {@link Chaos#timeout()})
 * with the client's attempt timeline. A reconnect is any attempt after the client's first, accepted or not, as in
 * reconnect analytics.
 *
 * <pre>{@code
 * chaos.awaitClient("c1").connected();
 * chaos.now().dropAll();
 * chaos.awaitClient("c1").within(Duration.ofSeconds(20)).reconnected();
 * chaos.awaitClient("c1").reconnectedTimes(3);
 * }</pre>
 */
public final class ClientWait {

  private final Chaos chaos;
  private final String clientId;
  private final Duration timeout;

  ClientWait(Chaos chaos, String clientId, Duration timeout) {
    this.chaos = chaos;
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.timeout = timeout;
  }

  /** The same wait with another timeout. */
  public ClientWait within(Duration value) {
    return new ClientWait(chaos, clientId, value);
  }

  /** Until the client has an open connection. */
  public void connected() {
    until("was not connected", () -> openConnection(c -> true));
  }

  /** Until the client is connected again by an attempt after its first. */
  public void reconnected() {
    until("did not reconnect (no open connection from attempt 2 or later)", () -> openConnection(c -> c.attempt() >= 2));
  }

  /** Until the client has made at least {@code count} attempts after its first. */
  public ClientReport reconnectedTimes(int count) {
    return report("did not make " + count + " reconnect attempt(s)", r -> r.attempts() - 1 >= count);
  }

  /** Until the client has made at least {@code count} attempts in all. */
  public ClientReport attempts(int count) {
    return report("did not make " + count + " attempt(s)", r -> r.attempts() >= count);
  }

  /** Until the client has attempted at least once and has no open connection. */
  public ClientReport disconnected() {
    return report("was not disconnected", r -> r.attempts() > 0 && !openConnection(c -> true));
  }

  private ClientReport report(String what, Predicate<ClientReport> condition) {
    ClientReport[] last = {null};
    until(what, () -> {
      Optional<ClientReport> report = chaos.target().client(clientId);
      last[0] = report.orElse(null);
      return report.isPresent() && condition.test(report.get());
    });
    return last[0];
  }

  private boolean openConnection(Predicate<ConnectionInfo> which) {
    return chaos.target().connections().stream().anyMatch(c -> clientId.equals(c.clientId()) && which.test(c));
  }

  private void until(String what, java.util.function.BooleanSupplier condition) {
    Waiter.until(chaos.target(), timeout, condition, () -> "client " + clientId + " " + what + " within "
        + timeout.toMillis() + " ms\n" + AttemptTimeline.describe(clientId, chaos.target().client(clientId)));
  }
}
