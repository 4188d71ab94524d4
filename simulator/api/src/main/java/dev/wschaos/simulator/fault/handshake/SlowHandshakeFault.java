package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;
import java.time.Duration;

/**
 * Hold the {@code 101 Switching Protocols} answer for {@code delay}, then accept as a healthy server would (and run
 * the connection rule decided for this upgrade, if any): a client whose handshake timeout is shorter gives up.
 *
 * <pre>{@code
 * fault: {type: slow-handshake, delay: 3s}
 * }</pre>
 */
@JsonTypeName("slow-handshake")
public record SlowHandshakeFault(Duration delay) implements HandshakeFault {

  @JsonCreator
  public SlowHandshakeFault(@JsonProperty(value = "delay", required = true) Duration delay) {
    this.delay = delay;
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    exchange.after(delay, exchange::accept);
  }

  @Override
  public void validate(Problems problems) {
    if (delay == null || delay.isNegative() || delay.isZero()) {
      problems.at("delay").error("must be positive (e.g. 3s)");
    } else if (delay.compareTo(Duration.ofMinutes(10)) > 0) {
      problems.at("delay").error("is more than 10m; use the stall fault for a handshake that never completes");
    }
  }
}
