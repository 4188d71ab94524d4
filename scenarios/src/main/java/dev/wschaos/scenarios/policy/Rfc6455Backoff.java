package dev.wschaos.scenarios.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * RFC 6455 section 7.2.3: the first reconnect is delayed by a random time in {@code [0, window)} ("e.g. 0 to 5
 * seconds"), later ones by truncated binary exponential backoff, read as in Ethernet (IEEE 802.3): attempt
 * {@code n >= 2} waits {@code k * slot} with {@code k} uniform in {@code 0 .. 2^c - 1}, {@code c = min(n - 1,
 * maxExponent)}.
 *
 * <pre>{@code
 * backoff: {type: rfc6455, window: 5s, slot: 1s, maxExponent: 6}
 * }</pre>
 */
public record Rfc6455Backoff(Duration window, Duration slot, int maxExponent) implements Backoff {

  @JsonCreator
  public Rfc6455Backoff(@JsonProperty("window") Duration window, @JsonProperty("slot") Duration slot,
                        @JsonProperty("maxExponent") Integer maxExponent) {
    this(window == null ? Duration.ofSeconds(5) : window, slot == null ? Duration.ofSeconds(1) : slot,
        maxExponent == null ? 6 : maxExponent);
  }

  public Rfc6455Backoff {
    if (window.isNegative() || slot.isNegative() || slot.isZero()) {
      throw new IllegalArgumentException("rfc6455 backoff: window must be 0 or more and slot more than 0");
    }
    if (maxExponent < 1 || maxExponent > 16) {
      throw new IllegalArgumentException("rfc6455 backoff: maxExponent " + maxExponent + " must be 1 to 16");
    }
  }

  @Override
  public long delayMillis(int attempt, long previousMs, DoubleSupplier random) {
    if (attempt <= 1) {
      return (long) Math.floor(window.toMillis() * random.getAsDouble());
    }
    int c = Math.min(attempt - 1, maxExponent);
    long k = (long) Math.floor(random.getAsDouble() * (1L << c));
    return k * slot.toMillis();
  }
}
