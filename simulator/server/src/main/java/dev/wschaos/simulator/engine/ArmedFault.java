package dev.wschaos.simulator.engine;

import dev.wschaos.simulator.fault.Cancellable;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.message.ClientMessage;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.plan.Trigger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A connection fault waiting for its trigger on one connection. It fires at most once. Healthy connections have
 * none, so their message path pays one null check.
 */
public final class ArmedFault {

  private final RuleBook.Applied<ConnectionFault> applied;
  private final LiveConnection connection;
  private final Consumer<RuleBook.Applied<ConnectionFault>> onFire;
  private final Pattern onMessage;
  private final MessageMatch when;
  private int messagesLeft;
  private Cancellable timer = Cancellable.NONE;
  private boolean fired;

  public ArmedFault(RuleBook.Applied<ConnectionFault> applied, LiveConnection connection,
                    Consumer<RuleBook.Applied<ConnectionFault>> onFire) {
    this.applied = applied;
    this.connection = connection;
    this.onFire = onFire;
    Trigger trigger = applied.rule().effectiveTrigger();
    this.onMessage = trigger.onMessagePattern();
    this.when = trigger.when();
    this.messagesLeft = trigger.afterMessages() == null ? -1 : trigger.afterMessages();
  }

  /** Called once the connection is open and its behaviour started. */
  public void start() {
    Trigger trigger = applied.rule().effectiveTrigger();
    if (trigger.isOnOpen()) {
      fire();
    } else if (trigger.after() != null) {
      timer = connection.schedule(trigger.after(), this::fire);
    }
  }

  /** Called after each whole client message has been handled; {@code text} is null for binary messages. */
  public void afterMessage(String text) {
    afterMessage(text, null);
  }

  /** Called after each whole client message has been handled: text, or binary when {@code text} is null. */
  public void afterMessage(String text, byte[] binary) {
    if (fired) {
      return;
    }
    if (messagesLeft > 0 && --messagesLeft == 0) {
      fire();
    } else if (onMessage != null && text != null && onMessage.matcher(text).find()) {
      fire();
    } else if (when != null && when.matches(text != null ? ClientMessage.text(text)
        : ClientMessage.binary(binary == null ? new byte[0] : binary))) {
      fire();
    }
  }

  public void cancel() {
    timer.cancel();
    fired = true;
  }

  private void fire() {
    if (fired || !connection.isOpen()) {
      return;
    }
    fired = true;
    onFire.accept(applied);
    applied.fault().apply(connection);
  }
}
