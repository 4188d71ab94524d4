package dev.wschaos.simulator.journal;

import java.util.Set;

/**
 * A filter and a page over the journal. Null fields do not filter.
 *
 * <pre>{@code
 * JournalPage page = journal.query(JournalQuery.all().types(Set.of(EventType.CLOSED)).clientId("c1").limit(100));
 * JournalPage next = journal.query(JournalQuery.all().after(page.next()));
 * }</pre>
 *
 * @param after only events with a larger seq (paging: pass the previous page's {@code next})
 * @param limit at most this many events (default 1000)
 */
public record JournalQuery(Set<EventType> types, String clientId, Long connectionId, long after, int limit) {

  public static final int DEFAULT_LIMIT = 1000;

  public static JournalQuery all() {
    return new JournalQuery(null, null, null, 0, DEFAULT_LIMIT);
  }

  public JournalQuery types(Set<EventType> value) {
    return new JournalQuery(value == null || value.isEmpty() ? null : Set.copyOf(value), clientId, connectionId,
        after, limit);
  }

  public JournalQuery clientId(String value) {
    return new JournalQuery(types, value, connectionId, after, limit);
  }

  public JournalQuery connectionId(Long value) {
    return new JournalQuery(types, clientId, value, after, limit);
  }

  public JournalQuery after(long seq) {
    return new JournalQuery(types, clientId, connectionId, seq, limit);
  }

  public JournalQuery limit(int value) {
    return new JournalQuery(types, clientId, connectionId, after, value);
  }

  boolean matches(JournalEvent e) {
    return e.seq() > after
        && (types == null || types.contains(e.type()))
        && (clientId == null || clientId.equals(e.clientId()))
        && (connectionId == null || connectionId.equals(e.connectionId()));
  }
}
