package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonValue;

/** The policy checks; {@link #id()} is the stable name used in reports and assertions. */
public enum Check {
  /** Reconnected after the server closed with a terminal code (1002, 1003, 1007-1010, configured codes). */
  RECONNECTED_AFTER_TERMINAL_CLOSE("reconnected-after-terminal-close"),
  /** Came back before the {@code Retry-After} of a 503/429, or before a close reason's {@code retry-after=N}. */
  RETRIED_BEFORE_ADVISED_DELAY("retried-before-advised-delay"),
  /** A reconnect delay shorter than {@link AnalyticsSettings#minimumDelay()}. */
  RETRIED_TOO_FAST("retried-too-fast"),
  /** A fleet event's lost clients made their first attempt together (one finding per event, {@link FirstReconnectSpread}). */
  UNRANDOMISED_FIRST_RECONNECTS("unrandomised-first-reconnects"),
  /** Not connected again within {@link AnalyticsSettings#recoveryWindow()} of losing the connection. */
  NOT_BACK_WITHIN_WINDOW("not-back-within-window"),
  /** A retry run with more attempts than {@link AnalyticsSettings#maxAttempts()}. */
  TOO_MANY_ATTEMPTS("too-many-attempts"),
  /** Reconnected without a resume parameter while {@link AnalyticsSettings#expectResume()} is set. */
  RECONNECTED_WITHOUT_RESUME("reconnected-without-resume"),
  /** Reconnected after a server close with a code the protocol's close-code convention declares terminal. */
  RETRIED_TERMINAL_PROTOCOL_CLOSE("retried-terminal-protocol-close"),
  /** A conversation client had feeds on its previous connection and started or resumed none on this one. */
  NEVER_RESUBSCRIBED("never-resubscribed"),
  /** A conversation client started a feed afresh, skipping events, where it could have resumed it. */
  RESUBSCRIBED_WITHOUT_RESUME("resubscribed-without-resume");

  private final String id;

  Check(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }
}
