package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One connection attempt of one client as the server saw it: the input of {@link ReconnectAnalytics}. Immutable; an
 * event journal maps onto it one attempt per upgrade request.
 *
 * <pre>{@code
 * Attempt first = Attempt.rejected("c1", 1, t0, wall0, 503, 2, false, t0 + 1_000_000);
 * Attempt second = Attempt.accepted("c1", 2, t1, wall1, false, t1)
 *     .withDisconnect(Disconnect.of(t2, wall2, DisconnectKind.SERVER_CLOSE, 1013, "busy; retry-after=2"));
 * }</pre>
 *
 * @param client the client key: its clientId, or {@code anon:HOST} for an anonymous client (see {@link ClientKey})
 * @param number this client's attempt number, 1 for the first
 * @param nanos monotonic time ({@link System#nanoTime()}) the upgrade request arrived
 * @param at wall clock time the upgrade request arrived
 * @param outcome how the server answered
 * @param status the HTTP status of a rejection (101 for accepted, null when aborted)
 * @param retryAfterSeconds the {@code Retry-After} the rejection carried, if any
 * @param resumed whether the request carried a resume parameter (last-seen sequence, e.g. {@code lastSeq})
 * @param answeredNanos monotonic time the handshake ended (101 or rejection sent, or the attempt aborted)
 * @param disconnect how an accepted connection ended; null while open or when not accepted
 * @param readyNanos monotonic time the conversation reached ready (a {@code ready: true} step); null if never
 * @param feeds the feeds the conversation started or resumed on this attempt, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attempt(String client, int number, long nanos, Instant at, AttemptOutcome outcome, Integer status,
                      Integer retryAfterSeconds, boolean resumed, long answeredNanos, Disconnect disconnect,
                      Long readyNanos, List<FeedUse> feeds) {

  public Attempt {
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(outcome, "outcome");
    if (number < 1) {
      throw new IllegalArgumentException("attempt number must be 1 or more, was " + number);
    }
    if (disconnect != null && outcome != AttemptOutcome.ACCEPTED) {
      throw new IllegalArgumentException("only an accepted attempt can have a disconnect");
    }
  }

  /** An attempt without protocol milestones. */
  public Attempt(String client, int number, long nanos, Instant at, AttemptOutcome outcome, Integer status,
                 Integer retryAfterSeconds, boolean resumed, long answeredNanos, Disconnect disconnect) {
    this(client, number, nanos, at, outcome, status, retryAfterSeconds, resumed, answeredNanos, disconnect, null,
        List.of());
  }

  public static Attempt accepted(String client, int number, long nanos, Instant at, boolean resumed,
                                 long answeredNanos) {
    return new Attempt(client, number, nanos, at, AttemptOutcome.ACCEPTED, 101, null, resumed, answeredNanos, null);
  }

  public static Attempt rejected(String client, int number, long nanos, Instant at, int status,
                                 Integer retryAfterSeconds, boolean resumed, long answeredNanos) {
    return new Attempt(client, number, nanos, at, AttemptOutcome.REJECTED, status, retryAfterSeconds, resumed,
        answeredNanos, null);
  }

  public static Attempt aborted(String client, int number, long nanos, Instant at, boolean resumed,
                                long answeredNanos) {
    return new Attempt(client, number, nanos, at, AttemptOutcome.ABORTED, null, null, resumed, answeredNanos, null);
  }

  public Attempt withDisconnect(Disconnect value) {
    return new Attempt(client, number, nanos, at, outcome, status, retryAfterSeconds, resumed, answeredNanos, value,
        readyNanos, feeds);
  }

  /** This attempt with the protocol milestones a conversation reported: when it was ready, which feeds it used. */
  public Attempt withProtocol(Long ready, List<FeedUse> used) {
    return new Attempt(client, number, nanos, at, outcome, status, retryAfterSeconds, resumed, answeredNanos,
        disconnect, ready, used);
  }

  /** Whether the conversation started or resumed feed {@code key} on this attempt. */
  public boolean usedFeed(String key) {
    return feeds.stream().anyMatch(f -> f.feed().equals(key));
  }

  public boolean isAccepted() {
    return outcome == AttemptOutcome.ACCEPTED;
  }

  /**
   * Monotonic time this attempt stopped being a connection the client could use: its disconnect, the answer of a
   * rejected or aborted attempt, or {@link Long#MIN_VALUE} while an accepted connection is still open.
   */
  public long endNanos() {
    if (disconnect != null) {
      return disconnect.nanos();
    }
    return isAccepted() ? Long.MIN_VALUE : answeredNanos;
  }

  /** The delay the server asked for before the next attempt ({@code Retry-After} or a close reason's), if any. */
  public Long advisedDelayMillis() {
    if (retryAfterSeconds != null) {
      return retryAfterSeconds * 1000L;
    }
    return disconnect == null ? null : disconnect.advisedDelayMillis();
  }
}
