package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wschaos.simulator.behaviour.CloseConvention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What reconnect analytics assumes and which policy checks it runs. Immutable; made with {@link #builder()} (from
 * the defaults) or {@link #toBuilder()}, one change at a time with the {@code with..} methods. Every duration appears
 * in the report in milliseconds.
 *
 * <pre>{@code
 * AnalyticsSettings settings = AnalyticsSettings.builder()
 *     .addTerminalCodes("4000-4099")                 // add application codes that mean "do not come back"
 *     .minimumDelay(Duration.ofMillis(100))          // flag clients that retry faster
 *     .maxAttempts(10)                               // flag clients that never give up
 *     .expectResume(true)                            // ticker plans: reconnects must send lastSeq
 *     .closeCodes("graphql-ws")                      // judge close codes by the graphql-ws protocol
 *     .build();
 * AnalyticsSettings stricter = settings.withMinimumDelay(Duration.ofMillis(500));
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

  /** A builder starting from {@link #defaults()}; see {@link Builder}. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** A builder starting from these settings, to change several of them at once. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** These settings with {@link Builder#bucket}; {@link #toBuilder()} changes several at once. */
  public AnalyticsSettings withBucket(Duration value) {
    return toBuilder().bucket(value).build();
  }

  /** These settings with {@link Builder#minimumDelaysToClassify}. */
  public AnalyticsSettings withMinimumDelaysToClassify(int value) {
    return toBuilder().minimumDelaysToClassify(value).build();
  }

  /** These settings with {@link Builder#immediateBelow}. */
  public AnalyticsSettings withImmediateBelow(Duration value) {
    return toBuilder().immediateBelow(value).build();
  }

  /** These settings with {@link Builder#backoffResetAfter}. */
  public AnalyticsSettings withBackoffResetAfter(Duration value) {
    return toBuilder().backoffResetAfter(value).build();
  }

  /** These settings with {@link Builder#addTerminalCodes}: terminal codes or ranges added, e.g. {@code "4000-4099"}. */
  public AnalyticsSettings withTerminalCodes(String... ranges) {
    return toBuilder().addTerminalCodes(ranges).build();
  }

  /** These settings with {@link Builder#minimumDelay}. */
  public AnalyticsSettings withMinimumDelay(Duration value) {
    return toBuilder().minimumDelay(value).build();
  }

  /** These settings with {@link Builder#recoveryWindow}. */
  public AnalyticsSettings withRecoveryWindow(Duration value) {
    return toBuilder().recoveryWindow(value).build();
  }

  /** These settings with {@link Builder#maxAttempts}. */
  public AnalyticsSettings withMaxAttempts(Integer value) {
    return toBuilder().maxAttempts(value).build();
  }

  /** These settings with {@link Builder#expectResume}. */
  public AnalyticsSettings withExpectResume(boolean value) {
    return toBuilder().expectResume(value).build();
  }

  /** These settings with {@link Builder#timingSlack}. */
  public AnalyticsSettings withTimingSlack(Duration value) {
    return toBuilder().timingSlack(value).build();
  }

  /**
   * These settings with {@link Builder#closeCodes}: close codes judged by a protocol's convention.
   *
   * @throws IllegalArgumentException for an unknown name, listing the presets
   */
  public AnalyticsSettings withCloseCodes(String convention) {
    return toBuilder().closeCodes(convention).build();
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

  /**
   * Changes several settings at once; {@link #build()} checks them as the record's constructor does. Each method
   * sets the record component of the same name (see {@link AnalyticsSettings}).
   *
   * <pre>{@code
   * AnalyticsSettings settings = AnalyticsSettings.builder()  // from the defaults; or settings.toBuilder()
   *     .addTerminalCodes("4000-4099")
   *     .minimumDelay(Duration.ofMillis(100))
   *     .maxAttempts(10)
   *     .build();
   * }</pre>
   */
  public static final class Builder {

    private Duration bucket;
    private int minimumDelaysToClassify;
    private Duration immediateBelow;
    private Duration backoffResetAfter;
    private final List<CodeRange> terminalCodes;
    private Duration minimumDelay;
    private Duration recoveryWindow;
    private Integer maxAttempts;
    private boolean expectResume;
    private Duration timingSlack;
    private String closeCodes;

    private Builder(AnalyticsSettings from) {
      bucket = from.bucket;
      minimumDelaysToClassify = from.minimumDelaysToClassify;
      immediateBelow = from.immediateBelow;
      backoffResetAfter = from.backoffResetAfter;
      terminalCodes = new ArrayList<>(from.terminalCodes);
      minimumDelay = from.minimumDelay;
      recoveryWindow = from.recoveryWindow;
      maxAttempts = from.maxAttempts;
      expectResume = from.expectResume;
      timingSlack = from.timingSlack;
      closeCodes = from.closeCodes;
    }

    /** Width of a fleet time-series bucket, at least 1 ms. */
    public Builder bucket(Duration value) {
      bucket = value;
      return this;
    }

    /** The fewest backoff delays a client needs before its backoff is classified, 3 or more. */
    public Builder minimumDelaysToClassify(int value) {
      minimumDelaysToClassify = value;
      return this;
    }

    /** A client whose 90th percentile delay is under this retries "immediately". */
    public Builder immediateBelow(Duration value) {
      immediateBelow = value;
      return this;
    }

    /** A connection that stayed open this long ends a retry run. */
    public Builder backoffResetAfter(Duration value) {
      backoffResetAfter = value;
      return this;
    }

    /** Add close codes or ranges after which a client must not reconnect, e.g. {@code "4000-4099"}, {@code "4403"}. */
    public Builder addTerminalCodes(String... ranges) {
      for (String range : ranges) {
        terminalCodes.add(CodeRange.parse(range));
      }
      return this;
    }

    /** Flag delays shorter than this ({@code retried-too-fast}); null: not checked. */
    public Builder minimumDelay(Duration value) {
      minimumDelay = value;
      return this;
    }

    /** Flag a client that was not back this long after losing its connection; null: not checked. */
    public Builder recoveryWindow(Duration value) {
      recoveryWindow = value;
      return this;
    }

    /** Flag a retry run with more attempts than this ({@code too-many-attempts}); null: not checked. */
    public Builder maxAttempts(Integer value) {
      maxAttempts = value;
      return this;
    }

    /** Whether reconnects must carry a resume parameter ({@code reconnected-without-resume}). */
    public Builder expectResume(boolean value) {
      expectResume = value;
      return this;
    }

    /** Tolerance of the timing checks against advised delays and the minimum delay. */
    public Builder timingSlack(Duration value) {
      timingSlack = value;
      return this;
    }

    /**
     * Judge close codes by a protocol's convention: {@code graphql-ws}, {@code pusher}, {@code stomp} (see
     * docs/reconnect-analytics.md); null for none. An unknown name fails {@link #build()}, listing the presets.
     */
    public Builder closeCodes(String convention) {
      closeCodes = convention;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException for a value out of range or an unknown close-code convention
     * @throws NullPointerException for a missing required duration
     */
    public AnalyticsSettings build() {
      return new AnalyticsSettings(bucket, minimumDelaysToClassify, immediateBelow, backoffResetAfter, terminalCodes,
          minimumDelay, recoveryWindow, maxAttempts, expectResume, timingSlack, closeCodes);
    }
  }
}
