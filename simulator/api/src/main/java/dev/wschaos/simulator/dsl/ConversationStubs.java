package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.behaviour.ConversationHeartbeat;
import dev.wschaos.simulator.behaviour.Exchange;
import dev.wschaos.simulator.behaviour.Unmatched;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Message stubs: the running plan's {@code conversation} behaviour, written a verb at a time, building the same
 * {@link ConversationBehaviour} a plan file's {@code behaviour: {type: conversation, ...}} does
 * (docs/conversations.md). Each verb is one edit of the running plan ({@link ChaosTarget#replaceBehaviour}): rules,
 * timeline and seed stay, connections opened from then on speak the new conversation. When the running behaviour is
 * not a conversation (echo, ticker...), the first verb replaces it with an empty one, which ignores what it does not
 * script ({@link #unmatchedEcho()} to echo instead).
 *
 * <pre>{@code
 * import static dev.wschaos.simulator.message.MessageMatch.json;
 *
 * chaos.conversation()
 *     .subprotocols("chat.v2")
 *     .onOpen("{\"type\":\"hello\",\"session\":\"{{connection.id}}\"}")
 *     .when(json("type", "auth")).reply("{\"type\":\"ready\",\"user\":\"{{json.message.user}}\"}").ready()
 *     .when(json("type", "subscribe")).reply("{\"type\":\"subscribed\"}")
 *         .feed("{{message.room}}", Duration.ofMillis(200), "{\"type\":\"event\",\"seq\":{{feed.seq}}}")
 *     .when(json("type", "resume")).resume("{{message.room}}", "{{message.lastSeq}}")
 *     .when(text("^PING (?<id>\\d+)$")).replyAfter(Duration.ofMillis(300), "PONG {{match.id}}")
 *     .when(anyBinary()).replyBinary(new byte[] {1, 2});
 * chaos.conversation().unmatchedClose(4003, "unsupported message");
 * }</pre>
 *
 * <p>Steps are tried in order and the first whose {@code when} matches answers, so a step added here comes after
 * the plan's own (a pack's, say) and only answers what those leave; {@link #clear()} starts from an empty
 * conversation. A bad definition (a regex that does not compile, a template with an unknown variable) is refused by
 * the verb that makes it, with the field at fault (e.g. {@code behaviour.on[1].reply[0].text}), and changes nothing.
 */
public final class ConversationStubs {

  private final Chaos chaos;

  ConversationStubs(Chaos chaos) {
    this.chaos = chaos;
  }

  /** The running plan's conversation; an empty one when its behaviour is not a conversation. */
  public ConversationBehaviour behaviour() {
    return current();
  }

  /** Start from an empty conversation: no subprotocols, greeting, steps or heartbeat; unmatched messages ignored. */
  public ConversationStubs clear() {
    return use(ConversationBehaviour.create());
  }

  /** Put {@code conversation} in force whole, e.g. one built with {@link ConversationBehaviour}'s own methods. */
  public ConversationStubs use(ConversationBehaviour conversation) {
    chaos.target().replaceBehaviour(Objects.requireNonNull(conversation, "conversation"));
    return this;
  }

  /** The subprotocols the conversation speaks, in preference order (replaces the list). */
  public ConversationStubs subprotocols(String... names) {
    edit(c -> c.withSubprotocols(List.of(names)));
    return this;
  }

  /** Text templates sent when a connection opens, after any already listed. */
  public ConversationStubs onOpen(String... templates) {
    return onOpen(Arrays.stream(templates).map(Reply::text).toArray(Reply[]::new));
  }

  /** Messages (text, binary, delayed: {@link Reply}) sent when a connection opens, after any already listed. */
  public ConversationStubs onOpen(Reply... messages) {
    edit(c -> {
      List<Reply> next = new ArrayList<>(c.onOpen());
      next.addAll(Arrays.asList(messages));
      return c.withOnOpen(next);
    });
    return this;
  }

  /**
   * A new step answering client messages that match {@code when}: until a verb of the returned step says what to do,
   * it swallows them. Build matches with {@code MessageMatch.json(field, value)}, {@code text(regex)},
   * {@code anyBinary()}.
   */
  public ConversationStep when(MessageMatch when) {
    Exchange step = new Exchange(Objects.requireNonNull(when, "when"), List.of(), null, null, null);
    int[] index = {0};
    edit(c -> {
      index[0] = c.on().size();
      return c.step(step);
    });
    return new ConversationStep(this, index[0], step);
  }

  /** The server's application heartbeat: {@code send} every {@code every}, nothing expected back. */
  public ConversationStubs heartbeat(String send, Duration every) {
    return heartbeat(new ConversationHeartbeat(Reply.text(send), every, null, null, null));
  }

  /** The protocol's keep-alive in full: what is sent, what is expected within how long, what a miss does. */
  public ConversationStubs heartbeat(ConversationHeartbeat heartbeat) {
    edit(c -> c.withHeartbeat(heartbeat));
    return this;
  }

  /** Echo messages no step matches (text as text, binary as binary). */
  public ConversationStubs unmatchedEcho() {
    edit(c -> c.withUnmatched(Unmatched.ECHO));
    return this;
  }

  /** Ignore messages no step matches (the default). */
  public ConversationStubs unmatchedIgnore() {
    edit(c -> c.withUnmatched(Unmatched.IGNORE));
    return this;
  }

  /** Close with {@code code} and {@code reason} on a message no step matches, e.g. 1003 or 4400. */
  public ConversationStubs unmatchedClose(int code, String reason) {
    return unmatched(new dev.wschaos.simulator.fault.connection.CloseFault(code, reason));
  }

  /** Strike with {@code fault} (close, drop, reset...) on a message no step matches. */
  public ConversationStubs unmatched(ConnectionFault fault) {
    edit(c -> c.withUnmatched(Unmatched.fault(fault)));
    return this;
  }

  /** Judge this conversation's clients by a close-code convention ({@code closeCodes}): graphql-ws, pusher, stomp. */
  public ConversationStubs closeCodes(String convention) {
    edit(c -> c.withCloseCodes(convention));
    return this;
  }

  ConversationBehaviour current() {
    return chaos.target().plan().behaviour() instanceof ConversationBehaviour c ? c : ConversationBehaviour.create();
  }

  void edit(UnaryOperator<ConversationBehaviour> change) {
    chaos.target().replaceBehaviour(change.apply(current()));
  }
}
