package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wschaos.simulator.behaviour.CloseConvention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What reconnect analytics assumes and which policy checks it runs. Immutable; change with the {@code with..}
 * methods. Every duration appears in the report in milliseconds.
 *
 * <pre>{@code
 * AnalyticsSettings settings = AnalyticsSettings.defaults()
 *     .withTerminalCodes("4000-4099")                 // add application codes that mean "do not come back"
 *     .withMinimumDelay(Duration.ofMillis(100))       // flag clients that retry faster
 *     .withMaxAttempts(10)                            // flag clients that never give up
 *     .withExpectResume(true)                         // ticker plans: reconnects must send lastSeq
 *     .withCloseCodes("graphql-ws");                  // judge close codes by the graphql-ws protocol
 * }</pre>
 *
 * @param bucket width of a fleet time-series bucket (1 s by default; finer when asked)
 * @param minimumDelaysToClassify the fewest backoff delays a client needs before its backoff is classified (4)
 * @param immediateBelow a client whose 90th percentile delay is under this retries "immediately" (100 ms)
 * @param backoffResetAfter a connection that stayed open this long ends a retry run: the next delay is retry 0 (1 s)
 * @param terminalCodes close codes after which a client must not reconnect (1002, 1003, 1007-1010 by default)
 * @param minimumDelay flag delays shorter than this ({@code retried-too-fast}); null: not checked
 * @param recoveryWindow flag a client that was not back this long after losing its connection (30 s); null: not checked
 * @param maxAttempts flag a retry run with more attempts than this ({@code too-many-attempts}); null: not checked
 * @param expectResume whether reconnects must carry a resume parameter ({@code reconnected-without-resume})
 * @param timingSlack tolerance of the timing checks against advised delays and the minimum delay (20 ms)
 * @param closeCodes the protocol's close-code convention ({@link CloseConvention} preset: {@code graphql-ws},
 *     {@code pusher}, {@code stomp}): clients that come back after its terminal codes get
 *     {@code retried-terminal-protocol-close}, and after its back-off codes must wait its minimum; null: none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalyticsSettings(Duration bucket, int minimumDelaysToClassify, Duration immediateBelow,
                                Duration backoffResetAfter, List<CodeRange> terminalCodes, Duration minimumDelay,
                                Duration recoveryWindow, Integer maxAttempts, boolean expectResume,
                                Duration timingSlack, String closeCodes) {

  public static final List<CodeRange> STANDARD_TERMINAL_CODES = List.of(
      CodeRange.parse("1002-1003"), CodeRange.parse("1007-1010"));

  public AnalyticsSettings {
    Objects.requireNonNull(bucket, "bucket");
    if (bucket.toMillis() < 1) {
      throw new IllegalArgumentException("bucket must be at least 1ms, was " + bucket);
    }
    if (minimumDelaysToClassify < 3) {
      throw new IllegalArgumentException("minimumDelaysToClassify must be 3 or more, was " + minimumDelaysToClassify);
    }
    Objects.requireNonNull(immediateBelow, "immediateBelow");
    Objects.requireNonNull(backoffResetAfter, "backoffResetAfter");
    Objects.requireNonNull(timingSlack, "timingSlack");
    terminalCodes = List.copyOf(terminalCodes);
    if (closeCodes != null) {
      CloseConvention.preset(closeCodes);
    }
    if (maxAttempts != null && maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be 1 or more, was " + maxAttempts);
    }
  }

  public static AnalyticsSettings defaults() {
    return new AnalyticsSettings(Duration.ofSeconds(1), 4, Duration.ofMillis(100), Duration.ofSeconds(1),
        STANDARD_TERMINAL_CODES, null, Duration.ofSeconds(30), null, false, Duration.ofMillis(20), null);
  }

  public AnalyticsSettings withBucket(Duration value) {
    return new AnalyticsSettings(value, minimumDelaysToClassify, immediateBelow, backoffResetAfter, terminalCodes,
        minimumDelay, recoveryWindow, maxAttempts, expectResume, timingSlack, closeCodes);
  }

  public AnalyticsSettings withMinimumDelaysToClassify(int value) {
    return new AnalyticsSettings(bucket, value, immediateBelow, backoffResetAfter, terminalCodes,
        minimumDelay, recoveryWindow, maxAttempts, expectResume, timingSlack, closeCodes);
  }

  public AnalyticsSettings withImmediateBelow(Duration value) {
    return new AnalyticsSettings(bucket, minimumDelaysToClassify, value, backoffResetAfter, terminalCodes,
        minimumDelay, recoveryWindow, maxAttempts, expectResume, timingSlack, closeCodes);
  }

  public AnalyticsSettings withBackoffResetAfter(Duration value) {
    return new AnalyticsSettings(bucket, minimumDelaysToClassify, immediateBelow, value, terminalCodes,
        minimumDelay, recoveryWindow, maxAttempts, expectResume, timingSlack, closeCodes);
  }

  /** Add terminal codes or ranges to the standard ones, e.g. {@code "4000-4099"}. */
  public AnalyticsSettings withTerminalCodes(String... ranges) {
    List<CodeRange> all = new ArrayList<>(terminalCodes);
    for (String r : ranges) {
      all.add(CodeRange.parse(r));
    }
    return new AnalyticsSettings(bucket, minimumDelaysToClassify, immediateBelow, backoffResetAfter, all,
        minimumDelay, recoveryWindow, maxAttempts, expectResume, timingSlack, closeCodes);
  }

  public AnalyticsSettings withMinimumDelay(Duration value) {
    return new AnalyticsSettings(bucket, minimumDelaysToClassify, immediateBelow, backoffResetAfter, terminalCodes,
        value, recoveryWindow, maxAttempts, expectResume, timingSlack, closeCodes);
  }

  public AnalyticsSettings withRecoveryWindow(Duration value) {
    return new AnalyticsSettings(bucket, minimumDelaysToClassify, immediateBelow, backoffResetAfter, terminalCodes,
        minimumDelay, value, maxAttempts, expectResume, timingSlack, closeCodes);
  }

  public AnalyticsSettings withMaxAttempts(Integer value) {
    return new AnalyticsSettings(bucket, minimumDelaysToClassify, immediateBelow, backoffResetAfter, terminalCodes,
        minimumDelay, recoveryWindow, value, expectResume, timingSlack, closeCodes);
  }

  public AnalyticsSettings withExpectResume(boolean value) {
    return new AnalyticsSettings(bucket, minimumDelaysToClassify, immediateBelow, backoffResetAfter, terminalCodes,
        minimumDelay, recoveryWindow, maxAttempts, value, timingSlack, closeCodes);
  }

  public AnalyticsSettings withTimingSlack(Duration value) {
    return new AnalyticsSettings(bucket, minimumDelaysToClassify, immediateBelow, backoffResetAfter, terminalCodes,
        minimumDelay, recoveryWindow, maxAttempts, expectResume, value, closeCodes);
  }

  /**
   * Judge close codes by a protocol's convention: {@code graphql-ws}, {@code pusher}, {@code stomp} (see
   * docs/reconnect-analytics.md); null for none.
   *
   * @throws IllegalArgumentException for an unknown name, listing the presets
   */
  public AnalyticsSettings withCloseCodes(String convention) {
    return new AnalyticsSettings(bucket, minimumDelaysToClassify, immediateBelow, backoffResetAfter, terminalCodes,
        minimumDelay, recoveryWindow, maxAttempts, expectResume, timingSlack, convention);
  }

  /** The convention {@link #closeCodes()} names, or null. */
  @JsonIgnore
  public CloseConvention convention() {
    return closeCodes == null ? null : CloseConvention.preset(closeCodes);
  }

  /** Whether the close-code convention in force says a client must not come back after {@code code}. */
  @JsonIgnore
  public boolean isProtocolTerminal(int code) {
    return closeCodes != null && !isTerminal(code) && convention().isTerminal(code);
  }

  @JsonIgnore
  public boolean isTerminal(int code) {
    for (CodeRange r : terminalCodes) {
      if (r.contains(code)) {
        return true;
      }
    }
    return false;
  }
}
