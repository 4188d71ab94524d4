package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.connection.CloseNoFinFault;
import dev.wschaos.simulator.fault.connection.DropFault;
import dev.wschaos.simulator.fault.connection.HalfOpenFault;
import dev.wschaos.simulator.fault.connection.IgnoreCloseFault;
import dev.wschaos.simulator.fault.connection.NoPongFault;
import dev.wschaos.simulator.fault.connection.ResetFault;
import dev.wschaos.simulator.fault.conversation.DelayReplyFault;
import dev.wschaos.simulator.fault.conversation.ErrorReplyFault;
import dev.wschaos.simulator.fault.conversation.FeedRepeatFault;
import dev.wschaos.simulator.fault.conversation.FeedSkipFault;
import dev.wschaos.simulator.fault.conversation.StopHeartbeatFault;
import dev.wschaos.simulator.fault.conversation.WithholdReplyFault;
import dev.wschaos.simulator.fault.message.DelayMessagesFault;
import dev.wschaos.simulator.fault.message.DropMessagesFault;
import dev.wschaos.simulator.fault.message.DuplicateMessagesFault;
import dev.wschaos.simulator.fault.message.ReorderMessagesFault;
import dev.wschaos.simulator.fault.protocol.BadOpcodeFault;
import dev.wschaos.simulator.fault.protocol.FragmentedControlFault;
import dev.wschaos.simulator.fault.protocol.InvalidUtf8Fault;
import dev.wschaos.simulator.fault.protocol.MaskedFrameFault;
import dev.wschaos.simulator.fault.protocol.OversizeFault;
import dev.wschaos.simulator.fault.protocol.ReservedBitsFault;
import dev.wschaos.simulator.fault.protocol.UnexpectedBinaryFault;
import dev.wschaos.simulator.fault.shaping.Direction;
import dev.wschaos.simulator.fault.shaping.LatencyFault;
import dev.wschaos.simulator.fault.shaping.SliceFault;
import dev.wschaos.simulator.fault.shaping.SlowLinkFault;
import dev.wschaos.simulator.fault.shaping.ThrottleFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.Reply;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A connection rule being written: narrow the match, choose a trigger (default: on open), then name the fault. Every
 * fault verb puts the rule in the running plan at once and returns its {@link ChaosRule} handle.
 *
 * <pre>{@code
 * chaos.onConnection().forClient("c1").attempt(2).afterMessages(3).close(1011, "boom");
 * chaos.onConnection().onPath("/feed").latency(Duration.ofMillis(200), Duration.ofMillis(50));
 * chaos.onConnection().after(Duration.ofSeconds(5)).halfOpen();
 * chaos.onConnection().afterMessages(1).invalidUtf8();
 * chaos.forClient("c1").attempt(1).withholdReply(json("type", "auth"));          // protocol faults
 * chaos.forClient("c1").attempt(2).errorReply(json("type", "subscribe"), "{\"type\":\"error\"}");
 * chaos.onConnection().onMessage(json("type", "subscribe")).close(4403, "forbidden");
 * chaos.forClient("c1").duplicateMessages(1.0, json("type", "order"), Direction.IN);   // the server gets orders twice
 * chaos.forClient("c1").reorderMessages(2, Duration.ofMillis(500), text("^MESSAGE"));  // MESSAGEs swapped in pairs
 * }</pre>
 */
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

  /**
   * Strike once a client message matching {@code when} has been handled (its reply sent), e.g. close with the
   * protocol's own code after a given message: {@code onMessage(json("type", "subscribe")).close(4403, "forbidden")}.
   */
  public ConnectionRules onMessage(MessageMatch when) {
    trigger = Chaos.requireOneTrigger(trigger, Trigger.when(when));
    return this;
  }

  // ---- closes and breaks (close, drop, reset, close-no-fin, ignore-close, half-open, no-pong)

  /** Close with {@code code} and no reason. */
  public ChaosRule close(int code) {
    return install(CloseFault.of(code));
  }

  /** Close with {@code code} and {@code reason}. */
  public ChaosRule close(int code, String reason) {
    return install(new CloseFault(code, reason));
  }

  /** Close TCP without a close frame: clients see 1006. */
  public ChaosRule drop() {
    return install(new DropFault());
  }

  /** Close TCP with a RST. */
  public ChaosRule reset() {
    return install(new ResetFault());
  }

  /** Send a 1001 close frame, then never close TCP ({@code close-no-fin}). */
  public ChaosRule closeWithoutFin() {
    return install(new CloseNoFinFault(1001, ""));
  }

  /** Send a close frame with {@code code} and {@code reason}, then never close TCP ({@code close-no-fin}). */
  public ChaosRule closeWithoutFin(int code, String reason) {
    return install(new CloseNoFinFault(code, reason));
  }

  /** Never answer the client's close frame: it must give up on its own ({@code ignore-close}). */
  public ChaosRule ignoreClose() {
    return install(new IgnoreCloseFault());
  }

  /** Go silent both ways with TCP up, for good: only a heartbeat or read timeout notices ({@code half-open}). */
  public ChaosRule halfOpen() {
    return install(HalfOpenFault.forever());
  }

  /** {@link #halfOpen()} for {@code lasting}, then drop TCP (FIN, no close frame). */
  public ChaosRule halfOpenFor(Duration lasting) {
    return install(HalfOpenFault.forever().lasting(lasting));
  }

  /** {@link #halfOpen()} starting after a random delay of up to {@code window}. */
  public ChaosRule halfOpenWithin(Duration window) {
    return install(HalfOpenFault.forever().startingWithin(window));
  }

  /** Stop answering the client's pings; everything else flows ({@code no-pong}). */
  public ChaosRule noPong() {
    return install(new NoPongFault());
  }

  // ---- link shaping (latency, throttle, slow-link, slice)

  /** Delay every server-to-client message by {@code delay}, order kept ({@code latency}). */
  public ChaosRule latency(Duration delay) {
    return install(LatencyFault.of(delay));
  }

  /** Delay every server-to-client message by {@code delay} plus a uniform random jitter up to {@code jitter}. */
  public ChaosRule latency(Duration delay, Duration jitter) {
    return install(LatencyFault.of(delay).withJitter(jitter));
  }

  /** Cap server-to-client throughput at {@code bytesPerSecond} ({@code throttle}). */
  public ChaosRule throttle(long bytesPerSecond) {
    return install(ThrottleFault.of(bytesPerSecond));
  }

  /** Latency and a throughput cap together, as over a poor mobile link ({@code slow-link}). */
  public ChaosRule slowLink(Duration delay, long bytesPerSecond) {
    return install(SlowLinkFault.of(delay, bytesPerSecond));
  }

  /** Write every frame in TCP chunks of at most {@code chunkBytes}, {@code pause} apart ({@code slice}). */
  public ChaosRule slice(int chunkBytes, Duration pause) {
    return install(SliceFault.of(chunkBytes, pause));
  }

  // ---- protocol violations

  /** Send a text frame that is not valid UTF-8: the client should close with 1007 ({@code invalid-utf8}). */
  public ChaosRule invalidUtf8() {
    return install(new InvalidUtf8Fault());
  }

  /** Send one text message of {@code bytes} in one frame: the client should close with 1009 ({@code oversize}). */
  public ChaosRule oversize(int bytes) {
    return install(OversizeFault.text(bytes));
  }

  /** Send one text message of {@code bytes} in fragments of {@code fragmentBytes} ({@code oversize}). */
  public ChaosRule oversize(int bytes, int fragmentBytes) {
    return install(OversizeFault.inFragments(bytes, fragmentBytes));
  }

  /** Send a masked frame, as only clients may: the client should fail with 1002 ({@code masked-frame}). */
  public ChaosRule maskedFrame() {
    return install(new MaskedFrameFault(null));
  }

  /** Send a frame with RSV1 set and no extension negotiated ({@code reserved-bits}). */
  public ChaosRule reservedBits() {
    return install(new ReservedBitsFault(1));
  }

  /** Send a frame with reserved bit {@code rsv} (1, 2 or 3) set ({@code reserved-bits}). */
  public ChaosRule reservedBits(int rsv) {
    return install(new ReservedBitsFault(rsv));
  }

  /** Send a frame with reserved opcode 3 ({@code bad-opcode}). */
  public ChaosRule badOpcode() {
    return install(new BadOpcodeFault(3));
  }

  /** Send a frame with reserved {@code opcode} (3-7, 11-15) ({@code bad-opcode}). */
  public ChaosRule badOpcode(int opcode) {
    return install(new BadOpcodeFault(opcode));
  }

  /** Send a ping split over two frames, which control frames never are ({@code fragmented-control}). */
  public ChaosRule fragmentedControl() {
    return install(new FragmentedControlFault());
  }

  /** Send the next message as binary instead of text ({@code unexpected-binary}). */
  public ChaosRule unexpectedBinary() {
    return install(new UnexpectedBinaryFault(1));
  }

  /** Send the next {@code messages} messages as binary (0: every later one) ({@code unexpected-binary}). */
  public ChaosRule unexpectedBinary(int messages) {
    return install(new UnexpectedBinaryFault(messages));
  }

  // ---- message faults

  /** Lose each server-to-client message with {@code probability} ({@code drop-messages}). */
  public ChaosRule dropMessages(double probability) {
    return install(new DropMessagesFault(probability));
  }

  /**
   * Lose the server-to-client messages {@code match} selects ({@code drop-messages} with a matcher), e.g. a proxied
   * upstream's {@code CONNECTED}: {@code dropMessages(1.0, MessageMatch.text("^CONNECTED"))}.
   */
  public ChaosRule dropMessages(double probability, MessageMatch match) {
    return install(new DropMessagesFault(probability, match, null));
  }

  /**
   * Lose the messages {@code match} selects (null: every message) going {@code direction}: {@code OUT} to the client,
   * {@code IN} from it (to the behaviour or a proxied upstream), or {@code BOTH} ({@code drop-messages}).
   */
  public ChaosRule dropMessages(double probability, MessageMatch match, Direction direction) {
    return install(new DropMessagesFault(probability, match, direction));
  }

  /**
   * Hold each server-to-client message {@code match} selects for {@code delay} (null: every message); the others
   * go on at once ({@code delay-messages}).
   */
  public ChaosRule delayMessages(Duration delay, MessageMatch match) {
    return install(new DelayMessagesFault(delay, match, null));
  }

  /** {@link #delayMessages(Duration, MessageMatch)} going {@code direction} ({@code OUT}, {@code IN}, {@code BOTH}). */
  public ChaosRule delayMessages(Duration delay, MessageMatch match, Direction direction) {
    return install(new DelayMessagesFault(delay, match, direction));
  }

  /** Send each server-to-client message twice with {@code probability} ({@code duplicate-messages}). */
  public ChaosRule duplicateMessages(double probability) {
    return install(new DuplicateMessagesFault(probability));
  }

  /**
   * Send each server-to-client message {@code match} selects (null: every message) twice with {@code probability}
   * ({@code duplicate-messages} with a matcher): {@code duplicateMessages(1.0, MessageMatch.json("type", "event"))}.
   */
  public ChaosRule duplicateMessages(double probability, MessageMatch match) {
    return install(new DuplicateMessagesFault(probability, match, null));
  }

  /**
   * {@link #duplicateMessages(double, MessageMatch)} going {@code direction}: {@code IN} makes the server (or a
   * proxied upstream) get a client's message twice, {@code BOTH} acts each way.
   */
  public ChaosRule duplicateMessages(double probability, MessageMatch match, Direction direction) {
    return install(new DuplicateMessagesFault(probability, match, direction));
  }

  /** Shuffle server-to-client messages in groups of 3, a group held at most 500 ms ({@code reorder-messages}). */
  public ChaosRule reorderMessages() {
    return install(ReorderMessagesFault.defaults());
  }

  /** Shuffle server-to-client messages in groups of {@code window}, a group held at most {@code maxHold}. */
  public ChaosRule reorderMessages(int window, Duration maxHold) {
    return install(new ReorderMessagesFault(window, maxHold));
  }

  /**
   * Shuffle the server-to-client messages {@code match} selects (null: every message) in groups of {@code window};
   * the others go on at once ({@code reorder-messages} with a matcher).
   */
  public ChaosRule reorderMessages(int window, Duration maxHold, MessageMatch match) {
    return install(new ReorderMessagesFault(window, maxHold, match, null));
  }

  /**
   * {@link #reorderMessages(int, Duration, MessageMatch)} going {@code direction} ({@code OUT}, {@code IN}, or
   * {@code BOTH}, each way with a window of its own).
   */
  public ChaosRule reorderMessages(int window, Duration maxHold, MessageMatch match, Direction direction) {
    return install(new ReorderMessagesFault(window, maxHold, match, direction));
  }

  /** Conversations: never answer a client message matching {@code when} ({@code withhold-reply}). */
  public ChaosRule withholdReply(MessageMatch when) {
    return install(new WithholdReplyFault(when));
  }

  /**
   * Conversations: answer a client message matching {@code when} with {@code replies} (templates, in the protocol's
   * own error format) instead of the scripted reply ({@code error-reply}).
   */
  public ChaosRule errorReply(MessageMatch when, String... replies) {
    return install(new ErrorReplyFault(when, Arrays.stream(replies).map(Reply::text).toList()));
  }

  /**
   * Conversations: answer a client message matching {@code when} with {@code replies} (may be none), then strike with
   * {@code then}, as protocols that close after an error do ({@code error-reply} with {@code then}).
   */
  public ChaosRule errorReply(MessageMatch when, List<Reply> replies, ConnectionFault then) {
    return install(new ErrorReplyFault(when, replies, then));
  }

  /** Conversations: answer a client message matching {@code when} only after {@code delay} ({@code delay-reply}). */
  public ChaosRule delayReply(MessageMatch when, Duration delay) {
    return install(new DelayReplyFault(when, delay));
  }

  /** Conversations: the server's application heartbeat stops ({@code stop-heartbeat}). */
  public ChaosRule stopHeartbeat() {
    return install(new StopHeartbeatFault());
  }

  /** Conversations: the next {@code count} events of every feed are not sent; a resume replays them ({@code feed-skip}). */
  public ChaosRule feedSkip(int count) {
    return install(new FeedSkipFault(count, null));
  }

  /** Conversations: the next {@code count} events of the feeds whose key matches {@code feedGlob} are not sent. */
  public ChaosRule feedSkip(int count, String feedGlob) {
    return install(new FeedSkipFault(count, feedGlob));
  }

  /** Conversations: each of the next {@code count} events of the feeds whose key matches {@code feedGlob} twice. */
  public ChaosRule feedRepeat(int count, String feedGlob) {
    return install(new FeedRepeatFault(count, feedGlob));
  }

  /** Conversations: each of the next {@code count} events of every feed is sent twice ({@code feed-repeat}). */
  public ChaosRule feedRepeat(int count) {
    return install(new FeedRepeatFault(count, null));
  }

  /** Any connection fault, e.g. one built with a fault's own factories or added by a newer plan model. */
  public ChaosRule fault(ConnectionFault fault) {
    return install(fault);
  }

  private ChaosRule install(ConnectionFault fault) {
    return new ChaosRule(chaos, chaos.add(new Rule(null, match, trigger, fault)));
  }
}
