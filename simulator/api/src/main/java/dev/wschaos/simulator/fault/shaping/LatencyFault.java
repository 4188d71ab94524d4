package dev.wschaos.simulator.fault.shaping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import java.time.Duration;

/**
 * Delay every message by {@code delay} plus a random {@code jitter}, keeping their order (a message never overtakes
 * the one before it, so under jitter some wait a little longer). Jitter is drawn {@code uniform} from 0 to jitter,
 * {@code normal} with jitter as standard deviation (cut at 0), or {@code exponential} with jitter as mean.
 *
 * <pre>{@code
 * fault: {type: latency, delay: 200ms, jitter: 50ms, distribution: uniform, direction: both}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("latency")
public record LatencyFault(Duration delay, Duration jitter, Distribution distribution, Direction direction)
    implements ConnectionFault {

  /** How jitter is drawn. */
  public enum Distribution {
    @JsonProperty("uniform") UNIFORM,
    @JsonProperty("normal") NORMAL,
    @JsonProperty("exponential") EXPONENTIAL
  }

  @JsonCreator
  public LatencyFault(@JsonProperty(value = "delay", required = true) Duration delay,
                      @JsonProperty("jitter") Duration jitter,
                      @JsonProperty("distribution") Distribution distribution,
                      @JsonProperty("direction") Direction direction) {
    this.delay = delay;
    this.jitter = jitter == null ? Duration.ZERO : jitter;
    this.distribution = distribution == null ? Distribution.UNIFORM : distribution;
    this.direction = direction == null ? Direction.OUT : direction;
  }

  public static LatencyFault of(Duration delay) {
    return new LatencyFault(delay, null, null, null);
  }

  /** This latency plus a random jitter of up to {@code value} (uniform unless {@link #withDistribution}). */
  public LatencyFault withJitter(Duration value) {
    return new LatencyFault(delay, value, distribution, direction);
  }

  /** This latency with jitter drawn from {@code value}. */
  public LatencyFault withDistribution(Distribution value) {
    return new LatencyFault(delay, jitter, value, direction);
  }

  /** This latency on {@code value} messages (default {@link Direction#OUT}, server to client). */
  public LatencyFault withDirection(Direction value) {
    return new LatencyFault(delay, jitter, distribution, value);
  }

  @Override
  public void apply(LiveConnection connection) {
    if (direction.out()) {
      connection.outbound(new DelayLine(connection, this::sampleNanos));
    }
    if (direction.in()) {
      connection.inbound(new DelayLine(connection, this::sampleNanos));
    }
  }

  long sampleNanos(java.util.Random random) {
    long base = delay.toNanos();
    long spread = jitter.toNanos();
    if (spread == 0) {
      return base;
    }
    double extra = switch (distribution) {
      case UNIFORM -> random.nextDouble() * spread;
      case NORMAL -> random.nextGaussian() * spread;
      case EXPONENTIAL -> -Math.log(1 - random.nextDouble()) * spread;
    };
    return Math.max(0, base + (long) extra);
  }

  @Override
  public void validate(Problems problems) {
    if (delay == null || delay.isNegative()) {
      problems.at("delay").error("must be 0 or more (e.g. 200ms)");
    } else if (delay.compareTo(Duration.ofMinutes(10)) > 0) {
      problems.at("delay").error("is more than 10m; use a stall fault (half-open) for connections that never answer");
    }
    if (jitter.isNegative()) {
      problems.at("jitter").error("cannot be negative");
    }
  }
}
