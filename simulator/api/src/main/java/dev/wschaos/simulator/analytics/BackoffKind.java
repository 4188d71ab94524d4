package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The shape of a client's reconnect delays as a function of the retry index. */
public enum BackoffKind {
  /** Fewer delays than {@link AnalyticsSettings#minimumDelaysToClassify()}: no guess is made. */
  NOT_ENOUGH_ATTEMPTS,
  /** The 90th percentile delay is below {@link AnalyticsSettings#immediateBelow()}. */
  IMMEDIATE,
  /** The same delay for every retry. */
  CONSTANT,
  /** {@code base + increment * k}. */
  LINEAR,
  /** {@code base * factor^k}. */
  EXPONENTIAL,
  /** {@code min(base * factor^k, cap)}. */
  CAPPED_EXPONENTIAL;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
