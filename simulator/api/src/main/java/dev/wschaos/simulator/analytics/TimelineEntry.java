package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One attempt in a client's timeline, with what followed it.
 *
 * @param number the attempt number
 * @param at wall clock time the upgrade arrived
 * @param offsetMillis milliseconds from the start of the recording
 * @param outcome accepted, rejected or aborted
 * @param status HTTP status (101 when accepted)
 * @param retryAfterSeconds the rejection's {@code Retry-After}
 * @param resumed whether the request carried a resume parameter
 * @param delayMillis time from the end of the previous attempt (disconnect or rejection) to this one; null for the
 *     first attempt and after an overlapping connection
 * @param retryIndex position of this attempt in its retry run (0 = first retry after a stable connection or the start)
 * @param connectedMillis how long the connection stayed open, when accepted and ended
 * @param disconnect how it ended: kind, code, reason, advised delay
 * @param readyMillis time from the 101 until the conversation was ready (time to ready); null if it never was
 * @param feeds the feeds the conversation started or resumed on this attempt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(int number, Instant at, double offsetMillis, AttemptOutcome outcome, Integer status,
                            Integer retryAfterSeconds, boolean resumed, Long delayMillis, Integer retryIndex,
                            Long connectedMillis, Disconnect disconnect, Long readyMillis,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FeedUse> feeds) {

  public TimelineEntry {
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
  }

  /** An entry without protocol milestones. */
  public TimelineEntry(int number, Instant at, double offsetMillis, AttemptOutcome outcome, Integer status,
                       Integer retryAfterSeconds, boolean resumed, Long delayMillis, Integer retryIndex,
                       Long connectedMillis, Disconnect disconnect) {
    this(number, at, offsetMillis, outcome, status, retryAfterSeconds, resumed, delayMillis, retryIndex,
        connectedMillis, disconnect, null, List.of());
  }
}
