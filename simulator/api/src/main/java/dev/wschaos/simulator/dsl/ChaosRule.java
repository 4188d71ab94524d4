package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.plan.Rule;
import java.util.Objects;

/**
 * A rule a DSL verb put in the running plan, like a WireMock {@code StubMapping} or a Toxiproxy toxic: remove it, or
 * replace its fault, at any time. Each is one edit of the running plan: the plan's timeline keeps running, its
 * temporary rules and limits and the seed stay, other rules (other writers' too) are untouched.
 *
 * <pre>{@code
 * ChaosRule slow = chaos.onConnection().forClient("c1").latency(Duration.ofMillis(200));
 * slow.replaceWith(LatencyFault.of(Duration.ofSeconds(1)).withJitter(Duration.ofMillis(100)));
 * slow.remove();
 * }</pre>
 */
public class ChaosRule {

  final Chaos chaos;
  private volatile Rule rule;

  ChaosRule(Chaos chaos, Rule rule) {
    this.chaos = chaos;
    this.rule = rule;
  }

  /** The rule's name in the plan, logs, journal and reports ({@code chaos-1}, ...). */
  public String name() {
    return rule.name();
  }

  /** The rule as this handle last put it. */
  public Rule rule() {
    return rule;
  }

  /** Take the rule out of the running plan. @return false when it was no longer there */
  public boolean remove() {
    return chaos.target().removeRule(name());
  }

  /** Keep the match and trigger, strike with {@code fault} instead, where the rule stands (added again if removed). */
  public ChaosRule replaceWith(Fault fault) {
    return replaceWith(rule.withFault(Objects.requireNonNull(fault, "fault")));
  }

  /** Put {@code replacement} (its match, trigger and fault) under this rule's name, where the rule stands. */
  public ChaosRule replaceWith(Rule replacement) {
    Rule named = replacement.named(name());
    chaos.target().putRule(named);
    rule = named;
    return this;
  }

  /** Whether the running plan has this rule now. */
  public boolean installed() {
    return chaos.target().plan().findRule(name()).isPresent();
  }

  @Override
  public String toString() {
    return name() + ": " + rule;
  }
}
