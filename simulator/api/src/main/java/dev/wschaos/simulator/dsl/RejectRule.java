package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Rule;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * An installed {@code reject} rule; each refinement replaces its fault in the running plan, where it stands.
 *
 * <pre>{@code
 * RejectRule busy = chaos.onHandshake().attempt(1).reject(503).retryAfter(Duration.ofSeconds(2)).body("busy");
 * busy.remove();
 * }</pre>
 */
public final class RejectRule extends ChaosRule {

  RejectRule(Chaos chaos, Rule rule) {
    super(chaos, rule);
  }

  /** Add {@code Retry-After} in whole seconds (rounded up). */
  public RejectRule retryAfter(Duration delay) {
    long seconds = (delay.toMillis() + 999) / 1000;
    return header("Retry-After", Long.toString(seconds));
  }

  public RejectRule header(String name, String value) {
    Map<String, String> headers = new HashMap<>(fault().headers());
    headers.put(name, value);
    return with(new RejectFault(fault().status(), headers, fault().body(), fault().delay()));
  }

  public RejectRule body(String body) {
    return with(new RejectFault(fault().status(), fault().headers(), body, fault().delay()));
  }

  /** Answer only after {@code delay}. */
  public RejectRule delayedBy(Duration delay) {
    return with(new RejectFault(fault().status(), fault().headers(), fault().body(), delay));
  }

  private RejectFault fault() {
    return (RejectFault) rule().fault();
  }

  private RejectRule with(RejectFault next) {
    replaceWith(next);
    return this;
  }
}
