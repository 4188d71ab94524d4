package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.plan.Trigger;
import java.time.Duration;

/** The "which connections" and "when" of a pack's protocol-fault verbs; each pack adds the verbs in its terms. */
abstract class ProtocolRules<SELF extends ProtocolRules<SELF>> extends MatchBuilder<SELF> {

  Trigger trigger;

  ProtocolRules(Chaos chaos, Match match, Trigger trigger) {
    super(chaos, match);
    this.trigger = trigger;
  }

  /** Strike {@code delay} after the connection opened (default: on open). */
  public SELF after(Duration delay) {
    trigger = Chaos.requireOneTrigger(trigger, Trigger.after(delay));
    return self();
  }

  /** Strike once the client's {@code count}-th message has been handled. */
  public SELF afterMessages(int count) {
    trigger = Chaos.requireOneTrigger(trigger, Trigger.afterMessages(count));
    return self();
  }

  /** Strike once a client message matching {@code when} has been handled. */
  public SELF onMessage(MessageMatch when) {
    trigger = Chaos.requireOneTrigger(trigger, Trigger.when(when));
    return self();
  }

  ChaosRule install(ConnectionFault fault) {
    return new ConnectionRules(chaos, match, trigger).fault(fault);
  }
}
