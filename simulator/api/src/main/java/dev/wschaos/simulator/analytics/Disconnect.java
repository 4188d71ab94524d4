package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * How and when an accepted connection ended.
 *
 * @param nanos monotonic time ({@link System#nanoTime()}) of the disconnect
 * @param at wall clock time of the disconnect
 * @param kind who ended it and how
 * @param code the close code for {@code SERVER_CLOSE}/{@code CLIENT_CLOSE}/{@code SHUTDOWN}, else null
 * @param reason the close reason, if any
 * @param advisedDelayMillis the delay the reason advised ({@code retry-after=N}), if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Disconnect(long nanos, Instant at, DisconnectKind kind, Integer code, String reason,
                         Long advisedDelayMillis) {

  public Disconnect {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
  }

  /** A disconnect whose advised delay is read from {@code reason} ({@code retry-after=N}). */
  public static Disconnect of(long nanos, Instant at, DisconnectKind kind, Integer code, String reason) {
    return new Disconnect(nanos, at, kind, code, reason, AdvisedDelay.millis(reason));
  }

  /** The close code to group by: the code when there is one, else 1006 (what clients report for a drop or reset). */
  public int effectiveCode() {
    return code != null ? code : 1006;
  }
}
