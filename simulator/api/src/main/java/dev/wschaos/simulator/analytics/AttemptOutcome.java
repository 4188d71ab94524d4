package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the server answered one upgrade request. */
public enum AttemptOutcome {
  /** 101 Switching Protocols: the client got a connection. */
  ACCEPTED,
  /** An HTTP status other than 101 (e.g. 503 with {@code Retry-After}). */
  REJECTED,
  /** No usable answer: the server aborted, stalled or answered with a broken handshake. */
  ABORTED;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
