package dev.wschaos.simulator.journal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

  private final long startNanos = System.nanoTime();
  private final List<Consumer<JournalEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean enabled;
  private long seq;

  public EventHub listen(Consumer<JournalEvent> listener) {
    listeners.add(listener);
    enabled = true;
    return this;
  }

  public void unlisten(Consumer<JournalEvent> listener) {
    listeners.remove(listener);
    enabled = !listeners.isEmpty();
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

  private void deliver(JournalEvent numbered) {
    for (Consumer<JournalEvent> listener : listeners) {
      listener.accept(numbered);
    }
  }
}
