package dev.wschaos.simulator.server;

import dev.wschaos.simulator.engine.ClientTracker;
import dev.wschaos.simulator.engine.RuleBook;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * State faults and behaviours keep: per client across its connections (per connection for an anonymous client), and
 * the connection's random source, seeded from the plan's. Both are made on first use.
 */
final class ConnectionState {

  private final ClientTracker.ClientRecord client;
  private final boolean anonymous;
  private final RuleBook book;
  private Map<Class<?>, Object> anonymousState;
  private Random random;

  ConnectionState(ClientTracker.ClientRecord client, boolean anonymous, RuleBook book) {
    this.client = client;
    this.anonymous = anonymous;
    this.book = book;
  }

  <T> T clientState(Class<T> type, Supplier<T> init) {
    if (!anonymous) {
      return client.state(type, init);
    }
    if (anonymousState == null) {
      anonymousState = new HashMap<>();
    }
    return type.cast(anonymousState.computeIfAbsent(type, t -> init.get()));
  }

  Random random() {
    if (random == null) {
      random = new Random(book.nextConnectionSeed());
    }
    return random;
  }
}
