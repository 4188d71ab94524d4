package dev.wschaos.simulator.fault.shaping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import java.time.Duration;

/**
 * {@code latency} and {@code throttle} in one rule (a rule carries one fault): every message delayed by {@code delay}
 * plus {@code jitter}, and the connection capped at {@code bytesPerSecond}, both in {@code direction}.
 *
 * <pre>{@code
 * fault: {type: slow-link, delay: 150ms, jitter: 100ms, bytesPerSecond: 32768, direction: both}
 * }</pre>
 */
@JsonTypeName("slow-link")
public record SlowLinkFault(@JsonIgnore LatencyFault latency, @JsonIgnore ThrottleFault throttle) implements ConnectionFault {

  @JsonCreator
  public SlowLinkFault(@JsonProperty(value = "delay", required = true) Duration delay,
                       @JsonProperty("jitter") Duration jitter,
                       @JsonProperty("distribution") LatencyFault.Distribution distribution,
                       @JsonProperty(value = "bytesPerSecond", required = true) long bytesPerSecond,
                       @JsonProperty("direction") Direction direction) {
    this(new LatencyFault(delay, jitter, distribution, direction), new ThrottleFault(bytesPerSecond, direction));
  }

  /** Every server-to-client message delayed by {@code delay}, the link capped at {@code bytesPerSecond}. */
  public static SlowLinkFault of(Duration delay, long bytesPerSecond) {
    return new SlowLinkFault(LatencyFault.of(delay), ThrottleFault.of(bytesPerSecond));
  }

  @JsonProperty public Duration delay() { return latency.delay(); }
  @JsonProperty public Duration jitter() { return latency.jitter(); }
  @JsonProperty public LatencyFault.Distribution distribution() { return latency.distribution(); }
  @JsonProperty public long bytesPerSecond() { return throttle.bytesPerSecond(); }
  @JsonProperty public Direction direction() { return latency.direction(); }

  @Override
  public void apply(LiveConnection connection) {
    latency.apply(connection);
    throttle.apply(connection);
  }

  @Override
  public void validate(Problems problems) {
    latency.validate(problems);
    throttle.validate(problems);
  }
}
