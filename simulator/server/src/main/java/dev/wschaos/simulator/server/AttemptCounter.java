package dev.wschaos.simulator.server;

import io.vertx.core.Future;

/**
 * Where attempt numbers come from when they are shared beyond this process (a cluster's nodes count each client's
 * attempts together). Without one, {@link dev.wschaos.simulator.engine.ClientTracker} counts alone, in memory.
 *
 * <pre>{@code
 * verticle.attemptCounter(key -> Future.succeededFuture(1));   // every attempt is a first one
 * }</pre>
 */
@FunctionalInterface
public interface AttemptCounter {

  /**
   * Count one more attempt of the client known by {@code key} ({@code id:<clientId>} or {@code anon:<host>}) and
   * return its number; completes on the caller's context. A failure makes the listener fall back on its own count.
   */
  Future<Integer> next(String key);
}
