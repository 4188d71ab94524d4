package dev.wschaos.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.simulator.message.ClientMessage;
import dev.wschaos.simulator.message.MessageTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One virtual user's side of a {@link ClientConversation}, without Gatling: told when a connection opens and what
 * arrives, it answers with the messages to send, decides when the user is ready, and keeps the last sequence number
 * of every feed across connections, so a reconnect resubscribes (resuming when the conversation can) and what arrives
 * afterwards is checked for gaps and duplicates. Everything it sees goes to the {@link ClientLedger}.
 *
 * <pre>
 *   opened --(onOpen sent)--> waiting for ready --ready reply--> ready: subscribe / resume each feed
 *                                   |                              events: seq = last+1 ok, &gt; gap, &lt;= duplicate
 *                                   +--readyTimeout--> not ready (the client gives the connection up)
 * </pre>
 *
 * <pre>{@code
 * ConversationState state = new ConversationState(ConversationPresets.stomp(), ledger, "c1");
 * send(state.opened(connectStartedAt, now, false));     // CONNECT
 * send(state.received(frame, now));                     // SUBSCRIBE once CONNECTED arrived
 * }</pre>
 */
public final class ConversationState {

  /** A message to send; {@code kind} is {@code open}, {@code answer}, {@code subscribe} or {@code resume}. */
  public record Outgoing(String kind, String text) {}

  private final ClientConversation conversation;
  private final ClientLedger ledger;
  private final String clientId;
  private final Map<String, Long> lastSeq = new HashMap<>();
  private final Set<String> subscribedBefore = new LinkedHashSet<>();

  private int attempt;
  private boolean reconnect;
  private long startMillis;
  private long openedAtMillis;
  private boolean ready;

  public ConversationState(ClientConversation conversation, ClientLedger ledger, String clientId) {
    this.conversation = Objects.requireNonNull(conversation, "conversation");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clientId = clientId == null ? "" : clientId;
  }

  /**
   * A connection opened at {@code openedAtMillis}; time-to-ready counts from {@code startMillis} (the first connect
   * began, or the previous connection was noticed lost). Returns the {@code onOpen} messages, and the subscriptions
   * too when the conversation has no ready reply.
   */
  public List<Outgoing> opened(long startMillis, long openedAtMillis, boolean reconnect) {
    this.attempt++;
    this.reconnect = reconnect;
    this.startMillis = startMillis;
    this.openedAtMillis = openedAtMillis;
    this.ready = false;
    List<Outgoing> out = new ArrayList<>();
    Map<String, Object> scope = scope(null, null);
    for (MessageTemplate message : conversation.onOpen()) {
      out.add(new Outgoing("open", message.render(scope)));
    }
    if (conversation.ready() == null) {
      becomeReady(openedAtMillis, out);
    }
    return out;
  }

  /** A text message arrived at {@code atMillis}; returns what to send in answer (pongs, subscriptions). */
  public List<Outgoing> received(String text, long atMillis) {
    ClientMessage message = ClientMessage.text(text);
    List<Outgoing> out = new ArrayList<>();
    for (ClientConversation.Answer answer : conversation.answers()) {
      if (answer.when().matches(message)) {
        out.add(new Outgoing("answer", answer.reply().render(scope(null, null))));
        break;
      }
    }
    if (!ready && conversation.ready() != null && conversation.ready().matches(message)) {
      becomeReady(atMillis, out);
      return out;
    }
    ClientConversation.FeedEvent events = conversation.events();
    if (events != null && events.when().matches(message)) {
      String feed = read(events, events.feed(), message);
      String seq = read(events, events.seq(), message);
      if (feed != null && seq != null && seq.matches("\\d{1,18}")) {
        event(feed, Long.parseLong(seq));
      }
    }
    return out;
  }

  /** Whether the ready reply is overdue at {@code nowMillis}: the connection is of no use to this client. */
  public boolean readyOverdue(long nowMillis) {
    return !ready && nowMillis - openedAtMillis > conversation.readyTimeout().toMillis();
  }

  public boolean ready() {
    return ready;
  }

  /** The last sequence number seen on {@code feed}, null when none. */
  public Long lastSeq(String feed) {
    return lastSeq.get(feed);
  }

  private void becomeReady(long atMillis, List<Outgoing> out) {
    ready = true;
    ledger.ready(reconnect, Math.max(0, atMillis - startMillis));
    for (String feed : conversation.feeds()) {
      boolean again = subscribedBefore.contains(feed);
      if (again && conversation.resume() != null) {
        long after = lastSeq.getOrDefault(feed, 0L);
        lastSeq.put(feed, after);
        out.add(new Outgoing("resume", conversation.resume().render(scope(feed, after))));
        ledger.resubscribed(true);
      } else {
        out.add(new Outgoing("subscribe", conversation.subscribe().render(scope(feed, null))));
        lastSeq.putIfAbsent(feed, 0L);
        if (again) {
          ledger.resubscribed(false);
        }
      }
      subscribedBefore.add(feed);
    }
  }

  private void event(String feed, long seq) {
    long last = lastSeq.getOrDefault(feed, 0L);
    if (seq <= last) {
      ledger.feedEvent(0, true);
      return;
    }
    ledger.feedEvent(seq - last - 1, false);
    lastSeq.put(feed, seq);
  }

  private Map<String, Object> scope(String feed, Long after) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("clientId", clientId);
    scope.put("attempt", attempt);
    if (feed != null) {
      scope.put("feed", feed);
    }
    if (after != null) {
      scope.put("lastSeq", after);
    }
    return scope;
  }

  private static String read(ClientConversation.FeedEvent events, String where, ClientMessage message) {
    if (where.startsWith("/")) {
      JsonNode json = message.json();
      JsonNode node = json == null ? null : json.at(where);
      return node == null || node.isMissingNode() || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
    return events.when().groups(message).get(where);
  }
}
