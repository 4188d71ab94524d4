package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.conversation.DelayReplyFault;
import dev.wschaos.simulator.fault.conversation.ErrorReplyFault;
import dev.wschaos.simulator.fault.conversation.FeedRepeatFault;
import dev.wschaos.simulator.fault.conversation.FeedSkipFault;
import dev.wschaos.simulator.fault.conversation.StopHeartbeatFault;
import dev.wschaos.simulator.fault.conversation.WithholdReplyFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.Reply;
import dev.wschaos.simulator.plan.Trigger;
import java.time.Duration;
import java.util.List;

/**
 * Protocol faults in STOMP 1.2's terms, for the {@code stomp} pack (docs/packs/stomp.md) or any conversation that
 * speaks STOMP frames: narrow the match (client, attempt...), optionally pick a moment, then name the fault. Each
 * verb puts one rule in the running plan and returns its {@link ChaosRule} handle. The plan's behaviour must be a
 * conversation ({@code @WsChaosTest(plan = "stomp")}, {@code chaos.use(PlanCatalog.load("stomp"))}).
 *
 * <pre>{@code
 * chaos.stomp().forClient("c1").attempt(1).withholdConnected();             // CONNECT never answered
 * chaos.stomp().forClient("c1").attempt(2).errorOnSubscribe("access denied"); // ERROR frame, then close 1002
 * chaos.stomp().forClient("c1").attempt(3).after(Duration.ofSeconds(5)).stopHeartbeats();
 * chaos.stomp().forClient("mobile-*").skipMessages(3);                     // a gap in every subscription
 * }</pre>
 */
public final class StompRules extends ProtocolRules<StompRules> {

  /** {@code CONNECT} and {@code STOMP} frames. */
  public static final MessageMatch CONNECT = MessageMatch.text("\\A(?:CONNECT|STOMP)\\r?\\n");
  /** {@code SUBSCRIBE} frames. */
  public static final MessageMatch SUBSCRIBE = MessageMatch.text("\\ASUBSCRIBE\\r?\\n");
  /** How the connection closes after an {@code ERROR} frame, which STOMP requires. */
  public static final CloseFault CLOSE_AFTER_ERROR = new CloseFault(1002, "stomp error");

  StompRules(Chaos chaos, Match match, Trigger trigger) {
    super(chaos, match, trigger);
  }

  @Override
  StompRules self() {
    return this;
  }

  /** {@code CONNECT}/{@code STOMP} is read and never answered: no {@code CONNECTED} ({@code withhold-reply}). */
  public ChaosRule withholdConnected() {
    return install(new WithholdReplyFault(CONNECT));
  }

  /** {@code CONNECTED} comes {@code delay} after the {@code CONNECT} ({@code delay-reply}). */
  public ChaosRule delayConnected(Duration delay) {
    return install(new DelayReplyFault(CONNECT, delay));
  }

  /** {@code CONNECT} is answered with an {@code ERROR} frame carrying {@code message}, then close 1002. */
  public ChaosRule errorOnConnect(String message) {
    return install(new ErrorReplyFault(CONNECT, List.of(errorFrame(message)), CLOSE_AFTER_ERROR));
  }

  /** {@code SUBSCRIBE} is answered with an {@code ERROR} frame carrying {@code message}, then close 1002. */
  public ChaosRule errorOnSubscribe(String message) {
    return install(new ErrorReplyFault(SUBSCRIBE, List.of(errorFrame(message)), CLOSE_AFTER_ERROR));
  }

  /** The server's heart-beats stop (the {@code \n} every second): a client checking them gives up. */
  public ChaosRule stopHeartbeats() {
    return install(new StopHeartbeatFault());
  }

  /** The next {@code count} {@code MESSAGE} frames of every subscription are not sent: the client sees a gap. */
  public ChaosRule skipMessages(int count) {
    return install(new FeedSkipFault(count, null));
  }

  /** Each of the next {@code count} {@code MESSAGE} frames of every subscription is sent twice. */
  public ChaosRule repeatMessages(int count) {
    return install(new FeedRepeatFault(count, null));
  }

  /** An {@code ERROR} frame: {@code message} as the header (escaped as STOMP 1.2 says) and as a plain-text body. */
  public static Reply errorFrame(String message) {
    String header = message.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace(":", "\\c");
    return Reply.text("ERROR\nmessage:" + header + "\ncontent-type:text/plain\n\n" + message + "\0");
  }
}
