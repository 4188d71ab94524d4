package dev.wschaos.simulator.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.behaviour.Exchange;
import dev.wschaos.simulator.behaviour.FeedSpec;
import dev.wschaos.simulator.behaviour.ResumeSpec;
import dev.wschaos.simulator.behaviour.StopSpec;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.MessageTemplate;
import dev.wschaos.simulator.message.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One step of the running conversation, as {@link ConversationStubs#when} added it: each verb changes the step where
 * it stands, as one edit of the running plan. A step runs its replies, then stop, then resume, then feed.
 *
 * <pre>{@code
 * ConversationStep subscribe = chaos.conversation().when(json("type", "subscribe"))
 *     .reply("{\"type\":\"subscribed\",\"room\":\"{{json.message.room}}\"}")
 *     .feed("{{message.room}}", Duration.ofMillis(200), "{\"seq\":{{feed.seq}}}");
 * subscribe.remove();
 * }</pre>
 */
public final class ConversationStep {

  private final ConversationStubs stubs;
  private final int index;
  private volatile Exchange step;

  ConversationStep(ConversationStubs stubs, int index, Exchange step) {
    this.stubs = stubs;
    this.index = index;
    this.step = step;
  }

  /** Answer with these text templates (after replies already given). */
  public ConversationStep reply(String... templates) {
    return reply(Arrays.stream(templates).map(Reply::text).toArray(Reply[]::new));
  }

  /** Answer with these messages: {@code Reply.text(..)}, {@code Reply.binary(..)}, {@code .after(delay)}. */
  public ConversationStep reply(Reply... messages) {
    return change(s -> {
      List<Reply> next = new ArrayList<>(s.reply());
      next.addAll(Arrays.asList(messages));
      return new Exchange(s.when(), next, s.stop(), s.feed(), s.resume(), s.ready());
    });
  }

  /** Answer with these text templates {@code delay} after the message arrived; other replies do not wait. */
  public ConversationStep replyAfter(Duration delay, String... templates) {
    return reply(Arrays.stream(templates).map(t -> Reply.text(t).after(delay)).toArray(Reply[]::new));
  }

  /** Answer with a binary message. */
  public ConversationStep replyBinary(byte[] bytes) {
    return reply(Reply.binary(bytes));
  }

  /**
   * Start the client's feed {@code key} (a template over the message): one event {@code every}, rendered from
   * {@code send} ({@code {{feed.seq}}}, {@code {{feed.key}}}...), numbered per client across reconnects.
   */
  public ConversationStep feed(String key, Duration every, String send) {
    return feed(FeedSpec.of(key, every, send));
  }

  /** Start a feed, in full (with {@code maxReplay}). */
  public ConversationStep feed(FeedSpec feed) {
    return change(s -> s.withFeed(feed));
  }

  /** Replay the client's feed {@code feedKey} after the sequence number {@code after} (both templates), then live. */
  public ConversationStep resume(String feedKey, String after) {
    return change(s -> s.withResume(new ResumeSpec(MessageTemplate.of(feedKey), MessageTemplate.of(after))));
  }

  /** Stop the feed {@code feedKey} (a template) live on this connection: an unsubscribe. */
  public ConversationStep stop(String feedKey) {
    return change(s -> s.withStop(StopSpec.of(feedKey)));
  }

  /**
   * This step completes the protocol's handshake ({@code ready: true}): reconnect analytics count the connection as
   * ready once it has run (docs/reconnect-analytics.md).
   */
  public ConversationStep ready() {
    return change(Exchange::markingReady);
  }

  /** The next step: shorthand for {@code and().when(match)}. */
  public ConversationStep when(MessageMatch match) {
    return stubs.when(match);
  }

  /** Back to the conversation, for its other verbs. */
  public ConversationStubs and() {
    return stubs;
  }

  /** The step as this handle last put it. */
  public Exchange step() {
    return step;
  }

  /** Take the step out of the running conversation. @return false when it was no longer there */
  public boolean remove() {
    boolean[] removed = {false};
    stubs.edit(c -> {
      if (!isMine(c)) {
        return c;
      }
      removed[0] = true;
      List<Exchange> next = new ArrayList<>(c.on());
      next.remove(index);
      return withSteps(c, next);
    });
    return removed[0];
  }

  private ConversationStep change(UnaryOperator<Exchange> change) {
    Exchange next = change.apply(step);
    stubs.edit(c -> {
      if (!isMine(c)) {
        throw new IllegalStateException("step " + index + " (when " + step.when() + ") is no longer in the running "
            + "conversation: another writer changed it; add it again with chaos.conversation().when(..)");
      }
      List<Exchange> steps = new ArrayList<>(c.on());
      steps.set(index, next);
      return withSteps(c, steps);
    });
    step = next;
    return this;
  }

  private boolean isMine(ConversationBehaviour c) {
    return index < c.on().size() && tree(c.on().get(index)).equals(tree(step));
  }

  private static JsonNode tree(Exchange exchange) {
    return Json.mapper().valueToTree(exchange);
  }

  private static ConversationBehaviour withSteps(ConversationBehaviour c, List<Exchange> steps) {
    return new ConversationBehaviour(c.subprotocols(), c.onOpen(), steps, c.heartbeat(), c.unmatched(),
        c.closeCodes());
  }
}
