package dev.wschaos.simulator.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts each client's connection attempts and keeps the state behaviours carry across its reconnects. Clients are
 * known by client id; anonymous clients by their remote host.
 */
public final class ClientTracker {

  private final Map<String, ClientRecord> clients = new ConcurrentHashMap<>();

  /** Register a new attempt and return the client's record; the attempt number is in the record's last count. */
  public Attempt nextAttempt(String clientId, String remoteHost) {
    String key = clientId != null ? "id:" + clientId : "anon:" + remoteHost;
    ClientRecord record = clients.computeIfAbsent(key, k -> new ClientRecord());
    return new Attempt(record, record.attempts.incrementAndGet());
  }

  public void clear() {
    clients.clear();
  }

  public int size() {
    return clients.size();
  }

  /** One attempt: its number and the client it belongs to. */
  public record Attempt(ClientRecord client, int number) {}

  /** What is remembered of one client. */
  public static final class ClientRecord {
    private final AtomicInteger attempts = new AtomicInteger();
    private final Map<Class<?>, Object> state = new ConcurrentHashMap<>();

    public <T> T state(Class<T> type, Supplier<T> init) {
      return type.cast(state.computeIfAbsent(type, t -> init.get()));
    }
  }
}
