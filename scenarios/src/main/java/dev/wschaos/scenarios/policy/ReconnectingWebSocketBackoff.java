package dev.wschaos.scenarios.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The npm {@code reconnecting-websocket} defaults: {@code minReconnectionDelay: 1000 + Math.random() * 4000},
 * {@code maxReconnectionDelay: 10000}, {@code reconnectionDelayGrowFactor: 1.3}; retry {@code n} waits
 * {@code min(max, minDelay * grow^(n-1))}. The library draws {@code minDelay} once per page load; here it is drawn
 * at a disconnect's first attempt, and each later attempt grows the previous wait by {@code grow} (the same
 * sequence, since {@code minDelay * grow^(n-1) = previous * grow}).
 *
 * <pre>{@code
 * backoff: {type: reconnecting-websocket, minFrom: 1s, minTo: 5s, max: 10s, grow: 1.3}
 * }</pre>
 */
public record ReconnectingWebSocketBackoff(Duration minFrom, Duration minTo, Duration max, double grow)
    implements Backoff {

  @JsonCreator
  public ReconnectingWebSocketBackoff(@JsonProperty("minFrom") Duration minFrom, @JsonProperty("minTo") Duration minTo,
                                      @JsonProperty("max") Duration max, @JsonProperty("grow") Double grow) {
    this(minFrom == null ? Duration.ofSeconds(1) : minFrom, minTo == null ? Duration.ofSeconds(5) : minTo,
        max == null ? Duration.ofSeconds(10) : max, grow == null ? 1.3 : grow);
  }

  public ReconnectingWebSocketBackoff {
    if (minFrom.isNegative() || minTo.compareTo(minFrom) < 0 || max.compareTo(minFrom) < 0) {
      throw new IllegalArgumentException("reconnecting-websocket backoff: need 0 <= minFrom <= minTo and "
          + "minFrom <= max, got " + minFrom + ", " + minTo + ", " + max);
    }
    if (grow < 1) {
      throw new IllegalArgumentException("reconnecting-websocket backoff: grow " + grow + " must be 1 or more");
    }
  }

  @Override
  public long delayMillis(int attempt, long previousMs, DoubleSupplier random) {
    if (attempt <= 1 || previousMs <= 0) {
      double from = minFrom.toMillis();
      return Math.round(Math.min(max.toMillis(), from + random.getAsDouble() * (minTo.toMillis() - from)));
    }
    return Math.round(Math.min(max.toMillis(), previousMs * grow));
  }
}
