package dev.wschaos.simulator.admin;

import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The console's live figures, one bucket per second over the last {@link #SECONDS} seconds, fed by the event hub.
 * An event costs one lock and a counter or two; nothing grows with the number of events.
 *
 * <pre>
 *   EventHub --accept(event)--> bucket[epochSecond % 300]  (upgrades, opened, rejections by status, closes by code)
 *   ConsoleLiveStream, once a second --> window(..) / second(..) --> SSE
 * </pre>
 */
final class ConsoleLiveStats implements Consumer<JournalEvent> {

  static final int SECONDS = 300;

  private final Bucket[] buckets = new Bucket[SECONDS];
  private long changes;

  /** One second of the fleet: {@code open} is the open connections at its end. */
  record Second(long t, int open, int upgrades, int opened, Map<Integer, Integer> rejections,
                Map<Integer, Integer> closes) {}

  private static final class Bucket {
    long second = Long.MIN_VALUE;
    int upgrades;
    int opened;
    final Map<Integer, Integer> rejections = new TreeMap<>();
    final Map<Integer, Integer> closes = new TreeMap<>();

    void reset(long value) {
      second = value;
      upgrades = 0;
      opened = 0;
      rejections.clear();
      closes.clear();
    }
  }

  @Override
  public synchronized void accept(JournalEvent event) {
    EventType type = event.type();
    if (type != EventType.UPGRADE_RECEIVED && type != EventType.UPGRADE_REJECTED && type != EventType.OPENED
        && type != EventType.CLOSED) {
      return;
    }
    Bucket b = bucket(event.time().getEpochSecond());
    switch (type) {
      case UPGRADE_RECEIVED -> b.upgrades++;
      case UPGRADE_REJECTED -> b.rejections.merge(event.status() == null ? 0 : event.status(), 1, Integer::sum);
      case OPENED -> {
        b.opened++;
        changes++;
      }
      case CLOSED -> {
        b.closes.merge(event.code() == null ? 1006 : event.code(), 1, Integer::sum);
        changes++;
      }
      default -> { }
    }
  }

  /** How many opens and closes were seen so far: a client lists connections again when it moves. */
  synchronized long changes() {
    return changes;
  }

  /**
   * The seconds from {@code now - SECONDS + 1} to {@code now}, oldest first. Open connections are counted back from
   * {@code openNow} (the open count at {@code now}) through the window's opens and closes.
   */
  synchronized List<Second> window(long now, int openNow) {
    int open = openNow;
    for (long s = now; s > now - SECONDS; s--) {
      Bucket b = mine(s);
      if (b != null) {
        open += closes(b) - b.opened;
      }
    }
    List<Second> out = new ArrayList<>(SECONDS);
    for (long s = now - SECONDS + 1; s <= now; s++) {
      Bucket b = mine(s);
      if (b != null) {
        open += b.opened - closes(b);
      }
      out.add(read(s, s == now ? openNow : Math.max(0, open)));
    }
    return out;
  }

  /** One second, with {@code openNow} open connections at its end. */
  synchronized Second second(long s, int openNow) {
    return read(s, openNow);
  }

  private Second read(long s, int open) {
    Bucket b = mine(s);
    if (b == null) {
      return new Second(s, open, 0, 0, Map.of(), Map.of());
    }
    return new Second(s, open, b.upgrades, b.opened, Map.copyOf(b.rejections), Map.copyOf(b.closes));
  }

  private Bucket mine(long s) {
    Bucket b = buckets[index(s)];
    return b != null && b.second == s ? b : null;
  }

  private static int closes(Bucket b) {
    int n = 0;
    for (int c : b.closes.values()) {
      n += c;
    }
    return n;
  }

  private Bucket bucket(long second) {
    int i = index(second);
    if (buckets[i] == null) {
      buckets[i] = new Bucket();
    }
    if (buckets[i].second != second) {
      buckets[i].reset(second);
    }
    return buckets[i];
  }

  private static int index(long second) {
    return (int) Math.floorMod(second, (long) SECONDS);
  }
}
