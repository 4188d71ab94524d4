package dev.wschaos.simulator.cluster;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The merged recorder's clock, in nanoseconds since the epoch: while a thread replays an event it reads the event's
 * time, every other read (a snapshot's end, a clear) reads now.
 */
final class ReplayClock implements LongSupplier {

  private final ThreadLocal<long[]> replaying = ThreadLocal.withInitial(() -> new long[] {-1});

  static long nanos(Instant time) {
    return time.getEpochSecond() * 1_000_000_000L + time.getNano();
  }

  void replay(long epochNanos) {
    replaying.get()[0] = epochNanos;
  }

  void release() {
    replaying.get()[0] = -1;
  }

  @Override
  public long getAsLong() {
    long at = replaying.get()[0];
    return at >= 0 ? at : nanos(Instant.now());
  }
}
