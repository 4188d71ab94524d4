package dev.wschaos.simulator.cluster;

import dev.wschaos.simulator.analytics.AttemptRecorder;
import dev.wschaos.simulator.analytics.JournalFeed;
import dev.wschaos.simulator.journal.JournalEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One {@link AttemptRecorder} fed with the journal events of every node: each node's events go through a
 * {@link JournalFeed} of their own (connection ids are per node) and are recorded at the wall-clock time the event
 * was made, not when it arrived here, so a client's delays between attempts on two nodes come out right (to the
 * clocks' agreement: on one machine exactly, across machines as close as NTP keeps them).
 */
final class MergedRecorder {

  private final AttemptRecorder recorder;
  private final ReplayClock clock = new ReplayClock();
  private final Supplier<String> resumeParam;
  private final Map<String, JournalFeed> feeds = new HashMap<>();

  MergedRecorder(int capacity, Supplier<String> resumeParam) {
    this.recorder = AttemptRecorder.create(capacity, clock);
    this.resumeParam = resumeParam;
  }

  /** Record {@code event}, made on node {@code origin}, at the time it was made there. */
  synchronized void record(String origin, JournalEvent event) {
    JournalFeed feed = feeds.computeIfAbsent(origin, node -> new JournalFeed(recorder, resumeParam));
    clock.replay(ReplayClock.nanos(event.time() == null ? Instant.now() : event.time()));
    try {
      feed.accept(event);
    } finally {
      clock.release();
    }
  }

  /** Forget every node's attempts and the connections in progress. */
  synchronized void clear() {
    feeds.clear();
    recorder.clear();
  }

  AttemptRecorder recorder() {
    return recorder;
  }
}
