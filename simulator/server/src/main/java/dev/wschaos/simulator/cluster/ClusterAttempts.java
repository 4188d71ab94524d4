package dev.wschaos.simulator.cluster;

import com.hazelcast.map.IMap;
import dev.wschaos.simulator.server.AttemptCounter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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

  /**
   * The count, completed on the caller's event loop. The completion is handed to that loop directly: left to
   * Hazelcast's default async executor, which is {@code ForkJoinPool.commonPool()} only with 3 or more cores, each
   * upgrade started a new thread on a 2-core machine (20,000 threads for 20,000 upgrades).
   */
  @Override
  public Future<Integer> next(String key) {
    Context context = vertx.getOrCreateContext();
    Promise<Integer> count = Promise.promise();
    counts.submitToKey(key, INCREMENT).whenCompleteAsync((n, failure) -> {
      if (failure != null) {
        count.fail(failure);
      } else {
        count.complete(n);
      }
    }, task -> context.runOnContext(v -> task.run()));
    return count.future();
  }

  /** Forget every client's count, on every node. */
  Future<Void> clear() {
    return vertx.executeBlocking(() -> {
      counts.clear();
      return null;
    }, false);
  }
}
