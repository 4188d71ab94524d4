package dev.wschaos.simulator.matrix;

import java.util.List;

/**
 * What one client's API reported for one fault, in the order it reported it: callbacks, exception types and
 * messages, close codes and reasons, handshake status and headers. Genuinely variable parts (ports, ids) are
 * normalised by {@link Normalizer}; everything else is kept as the library said it.
 *
 * <pre>{@code
 * Observation seen = new Observation(List.of("open", "onClose 1012 \"restart\""));
 * seen.cell(); // open<br>onClose 1012 "restart"
 * }</pre>
 */
public record Observation(List<String> events) {

  public Observation {
    events = List.copyOf(events);
  }

  /** The cell's text in the published table: events joined by {@code <br>}. */
  public String cell() {
    return String.join("<br>", events);
  }
}
