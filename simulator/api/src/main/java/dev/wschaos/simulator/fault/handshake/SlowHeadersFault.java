package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;
import java.time.Duration;

/**
 * Accept the upgrade as a healthy server would, but send the {@code 101} response line by line, {@code interval}
 * apart, as a congested proxy trickles it: the status line at once, each header and the final empty line after
 * another {@code interval}. Unlike {@code slow-handshake} (one delay, then the whole answer at once), the client sees
 * the answer begin and must wait for its end. The connection then works (and its connection rule runs) as usual.
 *
 * <pre>{@code
 * fault: {type: slow-headers, interval: 500ms}
 * }</pre>
 */
@JsonTypeName("slow-headers")
public record SlowHeadersFault(Duration interval) implements HandshakeFault {

  @JsonCreator
  public SlowHeadersFault(@JsonProperty(value = "interval", required = true) Duration interval) {
    this.interval = interval;
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    exchange.acceptPaced(interval);
  }

  @Override
  public void validate(Problems problems) {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      problems.at("interval").error("must be positive (e.g. 500ms)");
    } else if (interval.compareTo(Duration.ofMinutes(1)) > 0) {
      problems.at("interval").error("is more than 1m; use stall for an answer that never comes");
    }
  }
}
