package dev.wschaos.scenarios.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long a client waits before reconnect attempt {@code n}: {@code none} (never reconnect), {@code immediate},
 * {@code fixed} or {@code exponential} with a {@link Jitter}; and the formulas of real clients and published guidance,
 * {@code rfc6455}, {@code socketio}, {@code reconnecting-websocket}, {@code ably} (named in {@link PolicyPresets}).
 *
 * <pre>{@code
 * backoff: {type: exponential, base: 200ms, factor: 2, cap: 10s, jitter: full}
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Backoff.None.class, name = "none"),
    @JsonSubTypes.Type(value = Backoff.Immediate.class, name = "immediate"),
    @JsonSubTypes.Type(value = Backoff.Fixed.class, name = "fixed"),
    @JsonSubTypes.Type(value = Backoff.Exponential.class, name = "exponential"),
    @JsonSubTypes.Type(value = Rfc6455Backoff.class, name = "rfc6455"),
    @JsonSubTypes.Type(value = SocketIoBackoff.class, name = "socketio"),
    @JsonSubTypes.Type(value = ReconnectingWebSocketBackoff.class, name = "reconnecting-websocket"),
    @JsonSubTypes.Type(value = AblyBackoff.class, name = "ably")
})
public sealed interface Backoff permits Backoff.None, Backoff.Immediate, Backoff.Fixed, Backoff.Exponential,
    Rfc6455Backoff, SocketIoBackoff, ReconnectingWebSocketBackoff, AblyBackoff {

  /**
   * The delay before attempt {@code attempt} (1 = first reconnect), in ms; {@code previousMs} is the delay used
   * before the previous attempt (0 for the first), {@code random} draws uniformly from [0, 1).
   */
  long delayMillis(int attempt, long previousMs, DoubleSupplier random);

  /** Whether this backoff reconnects at all. */
  default boolean reconnects() {
    return true;
  }

  /** Never reconnect: the first disconnect ends the client. */
  record None() implements Backoff {
    @JsonCreator
    public None {}

    @Override
    public long delayMillis(int attempt, long previousMs, DoubleSupplier random) {
      return 0;
    }

    @Override
    public boolean reconnects() {
      return false;
    }
  }

  /** Reconnect at once, as Gatling's own reconnect and many naive clients do. */
  record Immediate() implements Backoff {
    @JsonCreator
    public Immediate {}

    @Override
    public long delayMillis(int attempt, long previousMs, DoubleSupplier random) {
      return 0;
    }
  }

  /** The same delay before every attempt. */
  record Fixed(Duration delay) implements Backoff {
    @JsonCreator
    public Fixed(@JsonProperty(value = "delay", required = true) Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new IllegalArgumentException("fixed backoff: delay must be 0 or more");
      }
      this.delay = delay;
    }

    @Override
    public long delayMillis(int attempt, long previousMs, DoubleSupplier random) {
      return delay.toMillis();
    }
  }

  /** {@code min(cap, base * factor^(attempt-1))}, then jittered. */
  record Exponential(Duration base, double factor, Duration cap, Jitter jitter) implements Backoff {
    @JsonCreator
    public Exponential(
        @JsonProperty("base") Duration base,
        @JsonProperty("factor") Double factor,
        @JsonProperty("cap") Duration cap,
        @JsonProperty("jitter") Jitter jitter) {
      this(base == null ? Duration.ofMillis(200) : base, factor == null ? 2.0 : factor,
          cap == null ? Duration.ofSeconds(30) : cap, jitter == null ? Jitter.FULL : jitter);
    }

    public Exponential {
      if (base.isNegative() || base.isZero()) {
        throw new IllegalArgumentException("exponential backoff: base must be more than 0");
      }
      if (factor < 1.0) {
        throw new IllegalArgumentException("exponential backoff: factor " + factor + " must be 1 or more");
      }
      if (cap.compareTo(base) < 0) {
        throw new IllegalArgumentException("exponential backoff: cap " + cap + " is below base " + base);
      }
    }

    @Override
    public long delayMillis(int attempt, long previousMs, DoubleSupplier random) {
      long baseMs = base.toMillis();
      long capMs = cap.toMillis();
      double raw = Math.min(capMs, baseMs * Math.pow(factor, Math.max(0, attempt - 1)));
      return switch (jitter) {
        case NONE -> Math.round(raw);
        case FULL -> Math.round(raw * random.getAsDouble());
        case EQUAL -> Math.round(raw / 2 + raw / 2 * random.getAsDouble());
        case DECORRELATED -> {
          double upper = Math.max(baseMs, (previousMs <= 0 ? baseMs : previousMs) * 3.0);
          yield Math.round(Math.min(capMs, baseMs + (upper - baseMs) * random.getAsDouble()));
        }
      };
    }
  }
}
