package dev.wschaos.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/** A million distinct client ids cost what the capacity allows, not what the flood would. */
class ClientTrackerBoundTest {

  private static final int CAPACITY = 100_000;

  @Test
  void aMillionDistinctIdsStayWithinTheCapacity() {
    ClientTracker tracker = new ClientTracker(CAPACITY);
    long before = heapAfterGc();
    feed(tracker, 0, 2 * CAPACITY);
    long full = heapAfterGc();
    feed(tracker, 2 * CAPACITY, 1_000_000);
    long after = heapAfterGc();

    assertThat(tracker.size()).isEqualTo(CAPACITY);
    assertThat(tracker.evicted()).isEqualTo(1_000_000 - CAPACITY);
    long perClient = Math.max(1, (full - before) / CAPACITY);
    System.out.printf("ClientTracker: %d clients remembered, %,d bytes each; heap after GC %,d -> %,d -> %,d%n",
        CAPACITY, perClient, before, full, after);
    // 800,000 more ids than the full tracker: unbounded growth would add ~8x what filling it took
    assertThat(after - before).isLessThan((full - before) * 3 / 2 + 16L * 1024 * 1024);
  }

  @Test
  void theLeastRecentlySeenClientIsForgottenFirst() {
    ClientTracker tracker = new ClientTracker(2);
    tracker.nextAttempt("a", "h");
    tracker.nextAttempt("b", "h");
    assertThat(tracker.nextAttempt("a", "h").number()).isEqualTo(2);
    tracker.nextAttempt("c", "h");

    assertThat(tracker.nextAttempt("a", "h").number()).as("a was seen recently: kept").isEqualTo(3);
    assertThat(tracker.nextAttempt("b", "h").number()).as("b was the oldest: forgotten").isEqualTo(1);
  }

  private static void feed(ClientTracker tracker, int from, int to) {
    for (int i = from; i < to; i++) {
      ClientTracker.Attempt attempt = tracker.nextAttempt("client-" + i, "127.0.0.1");
      attempt.client().state(long[].class, () -> new long[] {System.nanoTime()});
    }
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
