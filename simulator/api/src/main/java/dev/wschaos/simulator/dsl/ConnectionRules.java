package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.connection.DropFault;
import dev.wschaos.simulator.fault.connection.ResetFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import java.time.Duration;

/** A connection rule being written: narrow the match, choose a trigger (default: on open), then name the fault. */
public final class ConnectionRules extends MatchBuilder<ConnectionRules> {

  private Trigger trigger;

  ConnectionRules(Chaos chaos, Match match, Trigger trigger) {
    super(chaos, match);
    this.trigger = trigger;
  }

  @Override
  ConnectionRules self() {
    return this;
  }

  /** Strike once the client's {@code count}-th message has been handled. */
  public ConnectionRules afterMessages(int count) {
    trigger = Chaos.requireOneTrigger(trigger, Trigger.afterMessages(count));
    return this;
  }

  /** Strike {@code delay} after the connection opened. */
  public ConnectionRules after(Duration delay) {
    trigger = Chaos.requireOneTrigger(trigger, Trigger.after(delay));
    return this;
  }

  /** Strike when a client text message contains a match of {@code regex}. */
  public ConnectionRules onMessage(String regex) {
    trigger = Chaos.requireOneTrigger(trigger, Trigger.onMessage(regex));
    return this;
  }

  /** Close with {@code code} and no reason. */
  public String close(int code) {
    return install(CloseFault.of(code));
  }

  /** Close with {@code code} and {@code reason}. */
  public String close(int code, String reason) {
    return install(new CloseFault(code, reason));
  }

  /** Close TCP without a close frame: clients see 1006. */
  public String drop() {
    return install(new DropFault());
  }

  /** Close TCP with a RST. */
  public String reset() {
    return install(new ResetFault());
  }

  /** Any connection fault, e.g. one added by a newer version of the plan model. */
  public String fault(ConnectionFault fault) {
    return install(fault);
  }

  private String install(ConnectionFault fault) {
    String name = chaos.nextRuleName();
    chaos.put(new Rule(name, match, trigger, fault));
    return name;
  }
}
