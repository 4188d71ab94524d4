package dev.wschaos.simulator.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The in-memory event journal: a ring buffer of the last {@code capacity} events. When full, the oldest event is
 * overwritten and counted in {@link #overflow()}.
 *
 * <pre>{@code
 * Journal journal = server.journal();
 * List<JournalEvent> closes = journal.query(JournalQuery.all().types(Set.of(EventType.CLOSED))).events();
 * }</pre>
 */
public final class Journal implements Consumer<JournalEvent> {

  public static final int DEFAULT_CAPACITY = 100_000;

  private final JournalEvent[] ring;
  private long written;
  private long overflow;

  public Journal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("journal capacity must be at least 1, not " + capacity);
    }
    this.ring = new JournalEvent[capacity];
  }

  @Override
  public synchronized void accept(JournalEvent event) {
    int slot = (int) (written % ring.length);
    if (ring[slot] != null) {
      overflow++;
    }
    ring[slot] = event;
    written++;
  }

  public int capacity() {
    return ring.length;
  }

  /** Events dropped because the ring was full. */
  public synchronized long overflow() {
    return overflow;
  }

  public synchronized int size() {
    return (int) Math.min(written, ring.length);
  }

  /** Forget every event (the overflow count too); seq numbers keep increasing. */
  public synchronized void clear() {
    java.util.Arrays.fill(ring, null);
    written = 0;
    overflow = 0;
  }

  /** Matching events in order, oldest first. */
  public synchronized JournalPage query(JournalQuery query) {
    int size = size();
    long first = written - size;
    List<JournalEvent> out = new ArrayList<>(Math.min(size, Math.max(0, query.limit())));
    long next = query.after();
    boolean more = false;
    for (long i = first; i < written; i++) {
      JournalEvent e = ring[(int) (i % ring.length)];
      if (!query.matches(e)) {
        continue;
      }
      if (out.size() >= query.limit()) {
        more = true;
        break;
      }
      out.add(e);
      next = e.seq();
    }
    return new JournalPage(out, next, more, overflow, ring.length);
  }

  /** Every event held, oldest first. */
  public List<JournalEvent> events() {
    return query(JournalQuery.all().limit(Integer.MAX_VALUE)).events();
  }
}
