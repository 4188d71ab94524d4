package dev.wschaos.simulator.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts each client's connection attempts and keeps the state behaviours carry across its reconnects. Clients are
 * known by client id; anonymous clients by their remote host. At most {@code capacity} clients are remembered: past
 * that, the client seen least recently is forgotten (its next attempt counts as attempt 1 again and a ticker
 * starts a new stream), so a flood of distinct ids costs a bounded amount of memory.
 *
 * <pre>{@code
 * ClientTracker tracker = new ClientTracker(100_000);
 * int attempt = tracker.nextAttempt("c1", "127.0.0.1").number();
 * }</pre>
 */
public final class ClientTracker {

  public static final int DEFAULT_CAPACITY = 100_000;

  private final int capacity;
  private final Map<String, ClientRecord> clients;
  private final AtomicLong evicted = new AtomicLong();

  public ClientTracker() {
    this(DEFAULT_CAPACITY);
  }

  public ClientTracker(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("client capacity " + capacity + " is too small: at least 1");
    }
    this.capacity = capacity;
    this.clients = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ClientRecord> eldest) {
        boolean full = size() > ClientTracker.this.capacity;
        if (full) {
          evicted.incrementAndGet();
        }
        return full;
      }
    };
  }

  /** Register a new attempt and return the client's record; the attempt number is in the record's last count. */
  public Attempt nextAttempt(String clientId, String remoteHost) {
    String key = keyOf(clientId, remoteHost);
    ClientRecord record;
    synchronized (clients) {
      record = clients.computeIfAbsent(key, k -> new ClientRecord());
    }
    return new Attempt(record, record.attempts.incrementAndGet());
  }

  /** How a client is known: {@code id:<clientId>}, or {@code anon:<remoteHost>} without an id. */
  public static String keyOf(String clientId, String remoteHost) {
    return clientId != null ? "id:" + clientId : "anon:" + remoteHost;
  }

  public void clear() {
    synchronized (clients) {
      clients.clear();
    }
  }

  public int size() {
    synchronized (clients) {
      return clients.size();
    }
  }

  public int capacity() {
    return capacity;
  }

  /** How many clients were forgotten to stay within the capacity. */
  public long evicted() {
    return evicted.get();
  }

  /** One attempt: its number and the client it belongs to. */
  public record Attempt(ClientRecord client, int number) {}

  /** What is remembered of one client. */
  public static final class ClientRecord {
    private final AtomicInteger attempts = new AtomicInteger();
    private final Map<Class<?>, Object> state = new ConcurrentHashMap<>(2);

    public <T> T state(Class<T> type, Supplier<T> init) {
      return type.cast(state.computeIfAbsent(type, t -> init.get()));
    }
  }
}
