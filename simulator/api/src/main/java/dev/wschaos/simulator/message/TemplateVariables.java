package dev.wschaos.simulator.message;

import java.util.Set;

/**
 * The variables a template may use, by where it is. Everywhere: {@code clientId}, {@code attempt},
 * {@code connection.id}, {@code path}, {@code query.NAME}, {@code now.millis}, {@code now.iso}, {@code random.uuid},
 * {@code random.id}, {@code random.number}, and {@code json.X} (X escaped for a JSON string). Answering a client
 * message: also {@code message.FIELD} (its JSON), {@code text} (its text) and {@code match.N} / {@code match.NAME}
 * (regex groups of a {@code text} match). In a feed's {@code send}: also {@code feed.key}, {@code feed.seq},
 * {@code feed.time} (millis when the event was produced).
 *
 * <pre>{@code
 * reply: ['{"type":"ready","user":"{{json.message.user}}","session":"{{connection.id}}-{{attempt}}"}']
 * }</pre>
 */
public final class TemplateVariables {

  /** onOpen messages and heartbeat messages. */
  public static final Set<String> CONNECTION = Set.of("clientId", "attempt", "connection", "path", "query", "now",
      "random", "json");

  /** Replies to a client message, feed keys, resume fields, error replies of faults. */
  public static final Set<String> MESSAGE = union(CONNECTION, "message", "text", "match");

  /** A feed's {@code send}: the message that started the feed on this connection, and the feed's event. */
  public static final Set<String> FEED = union(MESSAGE, "feed");

  private TemplateVariables() {}

  private static Set<String> union(Set<String> base, String... more) {
    java.util.Set<String> all = new java.util.HashSet<>(base);
    all.addAll(Set.of(more));
    return Set.copyOf(all);
  }
}
