package dev.wschaos.simulator.analytics;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened to many clients at once: a timeline step or an admin action (close all with 1012, drop
 * 30 %, an outage). Analytics measures how the affected clients recovered after it.
 *
 * <pre>{@code
 * new FleetEvent(System.nanoTime(), Instant.now(), "rolling restart: close 1012", Set.of("c1", "c2"))
 * }</pre>
 *
 * @param nanos monotonic time the event started
 * @param at wall clock time the event started
 * @param label what happened, for people
 * @param clients the keys of the affected clients
 */
public record FleetEvent(long nanos, Instant at, String label, Set<String> clients) {

  public FleetEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(label, "label");
    clients = Set.copyOf(clients);
  }
}
