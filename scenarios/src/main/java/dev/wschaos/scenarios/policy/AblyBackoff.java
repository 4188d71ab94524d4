package dev.wschaos.scenarios.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Ably's client library rules: after an unexpected disconnect the first attempt is immediate (spec RTN15a); each
 * later one, retry {@code k = n - 1} in the DISCONNECTED state, waits {@code initial * min((k + 2) / 3, 2) *
 * (1 - 0.2 * r)} (RTB1: backoff coefficient RTB1a, jitter coefficient in (0.8, 1] RTB1b), {@code initial} being
 * {@code disconnectedRetryTimeout}, 15 s by default. Not modelled: the SUSPENDED state after
 * {@code connectionStateTtl} (2 min), with its 30 s {@code suspendedRetryTimeout}.
 *
 * <pre>{@code
 * backoff: {type: ably, initial: 15s, immediateFirst: true}
 * }</pre>
 */
public record AblyBackoff(Duration initial, boolean immediateFirst) implements Backoff {

  @JsonCreator
  public AblyBackoff(@JsonProperty("initial") Duration initial,
                     @JsonProperty("immediateFirst") Boolean immediateFirst) {
    this(initial == null ? Duration.ofSeconds(15) : initial, immediateFirst == null || immediateFirst);
  }

  public AblyBackoff {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("ably backoff: initial must be more than 0");
    }
  }

  @Override
  public long delayMillis(int attempt, long previousMs, DoubleSupplier random) {
    if (immediateFirst && attempt <= 1) {
      return 0;
    }
    int retry = immediateFirst ? attempt - 1 : attempt;
    double coefficient = Math.min((retry + 2) / 3.0, 2.0);
    return Math.round(initial.toMillis() * coefficient * (1 - 0.2 * random.getAsDouble()));
  }
}
