package dev.wschaos.simulator.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything analytics reads: the attempts and fleet events of one observation window. Monotonic times are
 * {@link System#nanoTime()} values; {@code startNanos} and {@code startedAt} are the same instant on both clocks.
 *
 * <pre>{@code
 * Recording recording = recorder.snapshot();          // from an AttemptRecorder
 * ReconnectReport report = ReconnectAnalytics.analyze(recording, AnalyticsSettings.defaults());
 * }</pre>
 *
 * @param startNanos monotonic start of the window
 * @param startedAt wall clock start of the window
 * @param endNanos monotonic end of the window (when the snapshot was taken)
 * @param attempts every attempt, in arrival order
 * @param events fleet events, in time order
 * @param droppedAttempts attempts that were not kept because the recorder was full (oldest first)
 */
public record Recording(long startNanos, Instant startedAt, long endNanos, List<Attempt> attempts,
                        List<FleetEvent> events, long droppedAttempts) {

  public Recording {
    Objects.requireNonNull(startedAt, "startedAt");
    attempts = attempts.stream().sorted(Comparator.comparingLong(Attempt::nanos)).toList();
    events = events.stream().sorted(Comparator.comparingLong(FleetEvent::nanos)).toList();
  }

  public static Recording of(long startNanos, Instant startedAt, long endNanos, List<Attempt> attempts,
                             List<FleetEvent> events) {
    return new Recording(startNanos, startedAt, endNanos, attempts, events, 0);
  }

  /** The wall clock time of a monotonic time. */
  public Instant wallTime(long nanos) {
    return startedAt.plusNanos(nanos - startNanos);
  }

  public Duration length() {
    return Duration.ofNanos(endNanos - startNanos);
  }

  /** Milliseconds from the start of the window to {@code nanos}. */
  public double offsetMillis(long nanos) {
    return (nanos - startNanos) / 1e6;
  }
}
