package dev.wschaos.simulator.journal;

import java.util.function.Consumer;

/**
 * Where the server reports connection events. Emitters check {@link #enabled()} before building an event, so a
 * server without a journal, metrics or export pays one virtual call per connection event and nothing per message.
 *
 * <pre>{@code
 * if (events.enabled()) {
 *   events.emit(JournalEvent.of(EventType.OPENED, id, clientId).path(path));
 * }
 * }</pre>
 */
public interface EventSink {

  /** Records nothing. */
  EventSink NONE = new EventSink() {
    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public void emit(JournalEvent event) {}

    @Override
    public void emit(EventType type, Long connectionId, String clientId, Consumer<JournalEvent.Builder> details) {}
  };

  boolean enabled();

  /** Record an event; called on event loops, must not block. */
  void emit(JournalEvent event);

  /** Build and record an event: a sink that numbers events builds it numbered, without a copy. */
  default void emit(JournalEvent.Builder event) {
    emit(event.build());
  }

  /**
   * Record an event about connection {@code connectionId} whose other fields {@code details} sets. A sink that
   * numbers events ({@link EventHub}) hands {@code details} one builder it reuses for every event, so emitting
   * allocates the event and nothing else of the journal's; {@code details} must only set fields on the builder it
   * is given and not keep it.
   *
   * <pre>{@code
   * Long id = connectionId; // boxed once, shared by the connection's events
   * events.emit(EventType.CLOSE_SENT, id, clientId, e -> e.code(1012).initiator(JournalEvent.SERVER));
   * }</pre>
   */
  default void emit(EventType type, Long connectionId, String clientId, Consumer<JournalEvent.Builder> details) {
    JournalEvent.Builder event = JournalEvent.of(type, connectionId, clientId);
    details.accept(event);
    emit(event);
  }
}
