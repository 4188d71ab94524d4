package dev.wschaos.simulator.behaviour;

import dev.wschaos.simulator.common.Glob;
import dev.wschaos.simulator.fault.Cancellable;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.ConversationPort;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.ReplyChange;
import dev.wschaos.simulator.message.ClientMessage;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One connection speaking a {@link ConversationBehaviour}.
 *
 * <pre>
 *   client message --> heartbeat expect? --> protocol fault's change? --> first matching step --> replies
 *                                                                      |                     --> stop, resume, feed
 *                                                                      +-> none: unmatched (ignore / echo / fault)
 * </pre>
 * Protocol milestones go to the journal through the connection: ready (the first {@code ready: true} step), each
 * feed started afresh and each resume; nothing per message.
 */
public final class ConversationSession implements BehaviourSession, ConversationPort {

  private final ConversationBehaviour conversation;
  private final LiveConnection connection;
  private final TemplateScope scope;
  private List<Change> changes;
  private Map<String, LiveFeed> feeds;
  private Pattern disturbed;
  private int skipLeft;
  private int repeatLeft;
  private Cancellable heartbeatSender = Cancellable.NONE;
  private Cancellable heartbeatCheck = Cancellable.NONE;
  private boolean heartbeatOn;
  private boolean awaitingAnswer;
  private boolean ready;
  private long lastExpectedNanos;

  private record Change(MessageMatch when, ReplyChange change) {}

  private final class LiveFeed {
    final FeedStreams.Stream stream;
    final Map<String, Object> scope;
    long next;
    Cancellable timer = Cancellable.NONE;

    LiveFeed(FeedStreams.Stream stream, Map<String, Object> scope, long next) {
      this.stream = stream;
      this.scope = scope;
      this.next = next;
    }

    void catchUp() {
      long upTo = stream.producedBy(System.currentTimeMillis());
      for (; next <= upTo; next++) {
        if (disturbed != null && disturbed.matcher(stream.key()).matches() && (skipLeft > 0 || repeatLeft > 0)) {
          if (skipLeft > 0) {
            skipLeft--;
            continue;
          }
          repeatLeft--;
          connection.sendText(event(stream, scope, next));
        }
        connection.sendText(event(stream, scope, next));
      }
    }
  }

  public ConversationSession(ConversationBehaviour conversation, LiveConnection connection) {
    this.conversation = conversation;
    this.connection = connection;
    this.scope = new TemplateScope(connection);
  }

  public ConversationSession start() {
    for (Reply reply : conversation.onOpen()) {
      send(reply, null);
    }
    ConversationHeartbeat heartbeat = conversation.heartbeat();
    if (heartbeat != null) {
      heartbeatOn = true;
      lastExpectedNanos = System.nanoTime();
      if (heartbeat.send() != null) {
        heartbeatSender = connection.every(heartbeat.every(), this::beat);
      } else {
        armExpectation();
      }
    }
    return this;
  }

  @Override
  public void onText(String text) {
    handle(ClientMessage.text(text));
  }

  @Override
  public void onBinary(byte[] data) {
    handle(ClientMessage.binary(data));
  }

  @Override
  public void stop() {
    stopHeartbeat();
    if (feeds != null) {
      feeds.values().forEach(feed -> feed.timer.cancel());
    }
  }

  @Override
  public void changeReplies(MessageMatch when, ReplyChange change) {
    if (changes == null) {
      changes = new ArrayList<>(2);
    }
    changes.add(new Change(when, change));
  }

  @Override
  public void stopHeartbeat() {
    heartbeatOn = false;
    heartbeatSender.cancel();
    heartbeatCheck.cancel();
  }

  @Override
  public void disturbFeeds(String feedGlob, int skip, int repeat) {
    disturbed = Glob.compile(feedGlob);
    skipLeft = skip;
    repeatLeft = repeat;
  }

  private void handle(ClientMessage message) {
    ConversationHeartbeat heartbeat = conversation.heartbeat();
    if (heartbeat != null && heartbeat.expect() != null && heartbeat.expect().matches(message)) {
      lastExpectedNanos = System.nanoTime();
      if (heartbeatOn && heartbeat.send() == null) {
        armExpectation();
      }
      return;
    }
    if (changes != null) {
      for (Change change : changes) {
        if (change.when().matches(message)) {
          changed(message, change);
          return;
        }
      }
    }
    answer(message);
  }

  private void changed(ClientMessage message, Change change) {
    ReplyChange how = change.change();
    if (how.withhold()) {
      return;
    }
    if (how.instead() != null) {
      Map<String, Object> vars = scope.message(message, change.when().groups(message));
      how.instead().forEach(reply -> send(reply, vars));
      if (how.then() != null) {
        how.then().apply(connection);
      }
      return;
    }
    connection.schedule(how.delay(), () -> answer(message));
  }

  private void answer(ClientMessage message) {
    for (Exchange exchange : conversation.on()) {
      if (exchange.when().matches(message)) {
        run(exchange, message);
        return;
      }
    }
    Unmatched unmatched = conversation.unmatched();
    if (unmatched.echoes()) {
      if (message.isText()) {
        connection.sendText(message.text());
      } else {
        connection.sendBinary(message.binary());
      }
    } else if (unmatched.connectionFault() != null) {
      unmatched.connectionFault().apply(connection);
    }
  }

  private void run(Exchange exchange, ClientMessage message) {
    Map<String, Object> vars = exchange.feed() == null && exchange.resume() == null && exchange.stop() == null
        && constant(exchange.reply()) ? null : scope.message(message, exchange.when().groups(message));
    if (exchange.ready() && !ready) {
      ready = true;
      connection.ready();
    }
    for (Reply reply : exchange.reply()) {
      send(reply, vars);
    }
    if (exchange.stop() != null && feeds != null) {
      LiveFeed stopped = feeds.remove(exchange.stop().feed().render(vars));
      if (stopped != null) {
        stopped.timer.cancel();
      }
    }
    if (exchange.resume() != null) {
      resume(exchange.resume(), vars);
    }
    if (exchange.feed() != null) {
      String key = exchange.feed().key().render(vars);
      if (feeds == null || !feeds.containsKey(key)) {
        boolean known = streams().find(key) != null;
        FeedStreams.Stream stream = streams().open(key, exchange.feed());
        long produced = stream.producedBy(System.currentTimeMillis());
        connection.feedStarted(key, known ? produced : 0, conversation.offersResume());
        goLive(stream, vars, produced + 1);
      }
    }
  }

  private void resume(ResumeSpec resume, Map<String, Object> vars) {
    String key = resume.feed().render(vars);
    FeedStreams.Stream stream = streams().find(key);
    Long after = parseSeq(resume.after().render(vars));
    if (after != null) {
      connection.feedResumed(key, after);
    }
    if (stream == null || after == null) {
      return;
    }
    LiveFeed live = feeds == null ? null : feeds.get(key);
    long produced = stream.producedBy(System.currentTimeMillis());
    long upTo = live != null ? live.next - 1 : produced;
    for (long seq = Math.max(after + 1, produced - stream.spec().maxReplay() + 1); seq <= upTo; seq++) {
      connection.sendText(event(stream, vars, seq));
    }
    if (live == null) {
      goLive(stream, vars, upTo + 1);
    }
  }

  private void goLive(FeedStreams.Stream stream, Map<String, Object> vars, long next) {
    if (feeds == null) {
      feeds = new LinkedHashMap<>();
    }
    if (feeds.size() >= FeedStreams.MAX_STREAMS) {
      Iterator<LiveFeed> oldest = feeds.values().iterator();
      oldest.next().timer.cancel();
      oldest.remove();
    }
    LiveFeed live = new LiveFeed(stream, vars, next);
    feeds.put(stream.key(), live);
    live.timer = connection.every(stream.spec().every(), live::catchUp);
  }

  private FeedStreams streams() {
    return connection.clientState(FeedStreams.class, FeedStreams::new);
  }

  private static String event(FeedStreams.Stream stream, Map<String, Object> vars, long seq) {
    if (stream.spec().send().isConstant()) {
      return stream.spec().send().source();
    }
    return stream.spec().send().render(TemplateScope.feed(vars, stream.key(), seq, stream.timeOf(seq)));
  }

  private void beat() {
    ConversationHeartbeat heartbeat = conversation.heartbeat();
    send(heartbeat.send(), null);
    if (heartbeat.expect() != null && !awaitingAnswer) {
      awaitingAnswer = true;
      long sentAt = System.nanoTime();
      heartbeatCheck = connection.schedule(heartbeat.within(), () -> {
        awaitingAnswer = false;
        if (heartbeatOn && lastExpectedNanos - sentAt < 0) {
          missed();
        }
      });
    }
  }

  private void armExpectation() {
    heartbeatCheck.cancel();
    heartbeatCheck = connection.schedule(conversation.heartbeat().within(), () -> {
      if (heartbeatOn) {
        missed();
      }
    });
  }

  private void missed() {
    stopHeartbeat();
    ((ConnectionFault) conversation.heartbeat().onMiss()).apply(connection);
  }

  private void send(Reply reply, Map<String, Object> vars) {
    if (reply.delay() != null && !reply.delay().isZero()) {
      connection.schedule(reply.delay(), () -> sendNow(reply, vars));
    } else {
      sendNow(reply, vars);
    }
  }

  private void sendNow(Reply reply, Map<String, Object> vars) {
    if (reply.bytes() != null) {
      connection.sendBinary(reply.bytes());
    } else if (reply.text().isConstant()) {
      connection.sendText(reply.text().source());
    } else {
      String text = reply.text().render(vars != null ? vars : scope.connection());
      if (!text.isEmpty()) {
        connection.sendText(text);
      }
    }
  }

  private static boolean constant(List<Reply> replies) {
    for (Reply reply : replies) {
      if (reply.text() != null && !reply.text().isConstant()) {
        return false;
      }
    }
    return true;
  }

  private static Long parseSeq(String value) {
    try {
      return value == null || value.isBlank() ? null : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
