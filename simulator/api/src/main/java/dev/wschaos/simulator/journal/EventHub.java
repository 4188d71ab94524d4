package dev.wschaos.simulator.journal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Numbers events and hands them, in order, to every listener (the in-memory journal, the JSON-lines export, the
 * metrics). Enabled as soon as it has a listener.
 *
 * <pre>
 *   ChaosVerticle / ChaosConnection / fleet actions --> EventHub (seq, nanos since start) --> Journal (ring)
 *                                                                                         --> JsonLinesExport
 *                                                                                         --> ChaosMetrics
 * </pre>
 */
public final class EventHub implements EventSink {

  @SuppressWarnings("unchecked")
  private static final Consumer<JournalEvent>[] NO_LISTENERS = new Consumer[0];

  private final long startNanos = System.nanoTime();
  private final JournalEvent.Builder scratch = new JournalEvent.Builder();
  private final Object listenersLock = new Object();
  private volatile Consumer<JournalEvent>[] listeners = NO_LISTENERS;
  private volatile boolean enabled;
  private boolean filling;
  private long seq;

  public EventHub listen(Consumer<JournalEvent> listener) {
    synchronized (listenersLock) {
      Consumer<JournalEvent>[] more = Arrays.copyOf(listeners, listeners.length + 1);
      more[listeners.length] = listener;
      listeners = more;
      enabled = true;
    }
    return this;
  }

  public void unlisten(Consumer<JournalEvent> listener) {
    synchronized (listenersLock) {
      Consumer<JournalEvent>[] now = listeners;
      for (int i = 0; i < now.length; i++) {
        if (now[i].equals(listener)) {
          Consumer<JournalEvent>[] fewer = Arrays.copyOf(now, now.length - 1);
          System.arraycopy(now, i + 1, fewer, i, now.length - i - 1);
          listeners = fewer;
          break;
        }
      }
      enabled = listeners.length > 0;
    }
  }

  /** The monotonic clock the events' {@code nanos} count from. */
  public long startNanos() {
    return startNanos;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public synchronized void emit(JournalEvent event) {
    deliver(event.numbered(++seq, event.nanos() - startNanos));
  }

  /** Numbered and timed as it is built, under the lock: seq and nanos rise together, whichever loop emits. */
  @Override
  public synchronized void emit(JournalEvent.Builder event) {
    deliver(event.build(++seq, startNanos));
  }

  /** Filled in the one builder this hub reuses, numbered and timed under the lock. */
  @Override
  public synchronized void emit(EventType type, Long connectionId, String clientId,
                                Consumer<JournalEvent.Builder> details) {
    if (filling) { // details emitted an event of its own: the reused builder is taken
      EventSink.super.emit(type, connectionId, clientId, details);
      return;
    }
    filling = true;
    JournalEvent event;
    try {
      details.accept(scratch.reset(type, connectionId, clientId));
      event = scratch.build(++seq, startNanos);
    } finally {
      filling = false;
    }
    deliver(event);
  }

  private void deliver(JournalEvent numbered) {
    for (Consumer<JournalEvent> listener : listeners) {
      listener.accept(numbered);
    }
  }
}
