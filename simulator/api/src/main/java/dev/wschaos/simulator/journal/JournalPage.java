package dev.wschaos.simulator.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of journal events.
 *
 * @param next     the seq to pass as {@code after} for the next page
 * @param more     whether more matching events follow
 * @param overflow how many events the ring buffer has dropped since the start (oldest first)
 * @param capacity the ring buffer's size
 */
public record JournalPage(List<JournalEvent> events, long next, boolean more, long overflow, int capacity) {

  @JsonCreator
  public JournalPage(
      @JsonProperty("events") List<JournalEvent> events,
      @JsonProperty("next") long next,
      @JsonProperty("more") boolean more,
      @JsonProperty("overflow") long overflow,
      @JsonProperty("capacity") int capacity) {
    this.events = events == null ? List.of() : List.copyOf(events);
    this.next = next;
    this.more = more;
    this.overflow = overflow;
    this.capacity = capacity;
  }
}
