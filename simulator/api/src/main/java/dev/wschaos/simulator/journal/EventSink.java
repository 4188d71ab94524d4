package dev.wschaos.simulator.journal;

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
  };

  boolean enabled();

  /** Record an event; called on event loops, must not block. */
  void emit(JournalEvent event);

  /** Build and record an event: a sink that numbers events builds it numbered, without a copy. */
  default void emit(JournalEvent.Builder event) {
    emit(event.build());
  }
}
