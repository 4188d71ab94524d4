package dev.wschaos.simulator.cluster;

import com.hazelcast.map.IMap;
import dev.wschaos.simulator.server.AttemptCounter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Attempt numbers counted by the whole cluster: one Hazelcast map entry per client, incremented where the entry lives
 * (one network round trip when that is another node; the least recently seen clients are evicted past the
 * {@code --max-clients} of each node). A client refused by node A and retrying on node B is attempt 2 on B.
 */
final class ClusterAttempts implements AttemptCounter {

  private static final AttemptIncrement INCREMENT = new AttemptIncrement();

  private final Vertx vertx;
  private final IMap<String, Integer> counts;

  ClusterAttempts(Vertx vertx, IMap<String, Integer> counts) {
    this.vertx = vertx;
    this.counts = counts;
  }

  @Override
  public Future<Integer> next(String key) {
    return Future.fromCompletionStage(counts.submitToKey(key, INCREMENT), vertx.getOrCreateContext());
  }

  /** Forget every client's count, on every node. */
  Future<Void> clear() {
    return vertx.executeBlocking(() -> {
      counts.clear();
      return null;
    }, false);
  }
}
