package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.message.ClientMessage;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The variables templates see on one connection (see {@code TemplateVariables}), built only when needed. */
final class TemplateScope {

  private final LiveConnection connection;
  private Map<String, Object> base;

  TemplateScope(LiveConnection connection) {
    this.connection = connection;
  }

  /** The connection's variables. */
  Map<String, Object> connection() {
    if (base == null) {
      Map<String, Object> scope = new HashMap<>();
      scope.put("clientId", connection.clientId() == null ? "" : connection.clientId());
      scope.put("attempt", connection.attempt());
      scope.put("connection", Map.of("id", connection.id()));
      scope.put("path", connection.path());
      scope.put("query", new Query(connection));
      scope.put("now", new Now());
      scope.put("random", new Randoms(connection));
      scope.put("json", new JsonEscaped(scope));
      base = scope;
    }
    return base;
  }

  /** The connection's variables and those of a client message. */
  Map<String, Object> message(ClientMessage message, Map<String, String> groups) {
    Map<String, Object> scope = new HashMap<>(connection());
    Object json = message.jsonValue();
    scope.put("message", json == null ? Map.of() : json);
    scope.put("text", message.isText() ? message.text() : "");
    scope.put("match", groups);
    scope.put("json", new JsonEscaped(scope));
    return scope;
  }

  /** {@code scope} with a feed event's variables. */
  static Map<String, Object> feed(Map<String, Object> scope, String key, long seq, long timeMillis) {
    Map<String, Object> withFeed = new HashMap<>(scope);
    withFeed.put("feed", Map.of("key", key, "seq", seq, "time", timeMillis));
    withFeed.put("json", new JsonEscaped(withFeed));
    return withFeed;
  }

  /** {@code now.millis}, {@code now.iso}. */
  public static final class Now {
    public long millis() {
      return System.currentTimeMillis();
    }

    public String iso() {
      return Instant.now().toString();
    }
  }

  /** {@code random.uuid}, {@code random.id} (16 hex digits), {@code random.number}: the connection's seeded draws. */
  public static final class Randoms {
    private final LiveConnection connection;

    Randoms(LiveConnection connection) {
      this.connection = connection;
    }

    public String uuid() {
      return new UUID(connection.random().nextLong(), connection.random().nextLong()).toString();
    }

    public String id() {
      return String.format("%016x", connection.random().nextLong());
    }

    public int number() {
      return connection.random().nextInt(Integer.MAX_VALUE);
    }
  }

  private static final class Query extends AbstractMap<String, String> {
    private final LiveConnection connection;

    Query(LiveConnection connection) {
      this.connection = connection;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && connection.queryParam(name) != null;
    }

    @Override
    public String get(Object key) {
      return key instanceof String name ? connection.queryParam(name) : null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return Set.of();
    }
  }

  /** The scope again, with every value escaped for the inside of a JSON string. */
  private static final class JsonEscaped extends AbstractMap<String, Object> {
    private final Map<?, ?> source;

    JsonEscaped(Map<?, ?> source) {
      this.source = source;
    }

    @Override
    public boolean containsKey(Object key) {
      return source.containsKey(key);
    }

    @Override
    public Object get(Object key) {
      Object value = source.get(key);
      if (value == null || value instanceof JsonEscaped) {
        return null;
      }
      if (value instanceof Map<?, ?> map) {
        return new JsonEscaped(map);
      }
      if (value instanceof Now || value instanceof Randoms || value instanceof Iterable<?>) {
        return value;
      }
      return new String(JsonStringEncoder.getInstance().quoteAsString(String.valueOf(value)));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return Set.of();
    }
  }
}
