package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the delays spread under the fitted envelope, read from {@code lowerFraction}: the estimated lower edge of the
 * delays divided by the envelope (0 when delays reach down to zero, 1 when they all sit on the envelope).
 */
public enum Jitter {
  /** Every delay within 20 % of the fitted curve. */
  NONE,
  /** Delays spread over roughly {@code [envelope/2, envelope]} (lowerFraction 0.35-0.65, "equal jitter"). */
  EQUAL,
  /** Delays spread over part of the envelope, any other lowerFraction. */
  PARTIAL,
  /** Delays spread over {@code [0, envelope]} (lowerFraction at most 0.15, "full jitter"). */
  FULL;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
