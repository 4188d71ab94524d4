package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.wschaos.simulator.common.Problems;
import java.time.Duration;
import java.util.Locale;

/**
 * How much the server takes: at most {@code maxConnections} open at once, and at most an accept rate of new
 * handshakes. Over capacity, an upgrade is refused with 503 and {@code Retry-After} ({@code overCapacity: reject},
 * the default) or accepted and closed at once with 1013 Try Again Later ({@code overCapacity: close-1013}).
 *
 * <pre>{@code
 * limits:
 *   maxConnections: 1000
 *   overCapacity: close-1013      # or reject (503 + Retry-After)
 *   retryAfter: 5s
 *   acceptRate: {perSecond: 50, burst: 50, excess: queue, maxQueue: 500}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Limits(Integer maxConnections, OverCapacity overCapacity, Duration retryAfter, AcceptRate acceptRate) {

  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  @JsonCreator
  public Limits(
      @JsonProperty("maxConnections") Integer maxConnections,
      @JsonProperty("overCapacity") OverCapacity overCapacity,
      @JsonProperty("retryAfter") Duration retryAfter,
      @JsonProperty("acceptRate") AcceptRate acceptRate) {
    this.maxConnections = maxConnections;
    this.overCapacity = overCapacity == null ? OverCapacity.REJECT : overCapacity;
    this.retryAfter = retryAfter;
    this.acceptRate = acceptRate;
  }

  public static Limits maxConnections(int max, OverCapacity mode) {
    return new Limits(max, mode, null, null);
  }

  public static Limits acceptRate(AcceptRate rate) {
    return new Limits(null, null, null, rate);
  }

  public Duration effectiveRetryAfter() {
    return retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
  }

  public void validate(Problems problems) {
    if (maxConnections != null && maxConnections < 0) {
      problems.at("maxConnections").error("cannot be negative (0 refuses every upgrade)");
    }
    if (retryAfter != null && (retryAfter.isNegative() || retryAfter.toSeconds() > 86_400)) {
      problems.at("retryAfter").error("must be from 0s to 24h");
    }
    if (acceptRate != null) {
      acceptRate.validate(problems.at("acceptRate"));
    }
  }

  /** What the server does with an upgrade over {@code maxConnections}. */
  public enum OverCapacity {
    /** Refuse with 503 Service Unavailable and Retry-After. */
    REJECT,
    /** Accept, then close at once with 1013 Try Again Later. */
    CLOSE_1013;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static OverCapacity fromWire(String text) {
      for (OverCapacity mode : values()) {
        if (mode.wireName().equals(text)) {
          return mode;
        }
      }
      throw new IllegalArgumentException("overCapacity '" + text + "' is not known; allowed: reject, close-1013");
    }
  }
}
