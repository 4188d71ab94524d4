package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Rule;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** An installed {@code reject} rule; each refinement replaces it in the running plan. */
public final class RejectRule {

  private final Chaos chaos;
  private final String name;
  private final Match match;
  private RejectFault fault;

  RejectRule(Chaos chaos, String name, Match match, RejectFault fault) {
    this.chaos = chaos;
    this.name = name;
    this.match = match;
    this.fault = fault;
  }

  /** Add {@code Retry-After} in whole seconds (rounded up). */
  public RejectRule retryAfter(Duration delay) {
    long seconds = (delay.toMillis() + 999) / 1000;
    return header("Retry-After", Long.toString(seconds));
  }

  public RejectRule header(String name, String value) {
    Map<String, String> headers = new HashMap<>(fault.headers());
    headers.put(name, value);
    return with(new RejectFault(fault.status(), headers, fault.body(), fault.delay()));
  }

  public RejectRule body(String body) {
    return with(new RejectFault(fault.status(), fault.headers(), body, fault.delay()));
  }

  /** Answer only after {@code delay}. */
  public RejectRule delayedBy(Duration delay) {
    return with(new RejectFault(fault.status(), fault.headers(), fault.body(), delay));
  }

  /** The rule's name in the plan, logs and reports. */
  public String name() {
    return name;
  }

  void install() {
    chaos.put(new Rule(name, match, null, fault));
  }

  private RejectRule with(RejectFault next) {
    fault = next;
    install();
    return this;
  }
}
