package dev.wschaos.scenarios.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The Socket.IO client's backoff (socket.io-client {@code contrib/backo2}, defaults of {@code Manager}:
 * {@code reconnectionDelay} 1 s, {@code reconnectionDelayMax} 5 s, {@code randomizationFactor} 0.5, factor 2).
 * Attempt {@code n}: {@code ms = min * factor^(n-1)}; one draw {@code r} gives the deviation
 * {@code floor(r * randomization * ms)}, subtracted when {@code floor(r * 10)} is even, else added; then capped at
 * {@code max} (the cap comes after the jitter, so late attempts all wait exactly {@code max}).
 *
 * <pre>{@code
 * backoff: {type: socketio, min: 1s, max: 5s, factor: 2, randomization: 0.5}
 * }</pre>
 */
public record SocketIoBackoff(Duration min, Duration max, double factor, double randomization) implements Backoff {

  @JsonCreator
  public SocketIoBackoff(@JsonProperty("min") Duration min, @JsonProperty("max") Duration max,
                         @JsonProperty("factor") Double factor, @JsonProperty("randomization") Double randomization) {
    this(min == null ? Duration.ofSeconds(1) : min, max == null ? Duration.ofSeconds(5) : max,
        factor == null ? 2.0 : factor, randomization == null ? 0.5 : randomization);
  }

  public SocketIoBackoff {
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("socketio backoff: need 0 <= min <= max, got min " + min + " max " + max);
    }
    if (factor < 1 || randomization < 0 || randomization > 1) {
      throw new IllegalArgumentException("socketio backoff: factor must be 1 or more and randomization 0 to 1");
    }
  }

  @Override
  public long delayMillis(int attempt, long previousMs, DoubleSupplier random) {
    double ms = min.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
    if (randomization > 0) {
      double r = random.getAsDouble();
      double deviation = Math.floor(r * randomization * ms);
      ms = ((long) Math.floor(r * 10) & 1) == 0 ? ms - deviation : ms + deviation;
    }
    return (long) Math.min(ms, max.toMillis());
  }
}
