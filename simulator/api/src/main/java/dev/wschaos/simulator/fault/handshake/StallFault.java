package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;
import java.time.Duration;

/**
 * Accept TCP, read the upgrade request and never answer it: the client's handshake timeout is the only way out.
 * With {@code for}, the server closes TCP after that long.
 *
 * <pre>{@code
 * fault: {type: stall, for: 30s}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("stall")
public record StallFault(@JsonProperty("for") Duration duration) implements HandshakeFault {

  @JsonCreator
  public StallFault {}

  public static StallFault forever() {
    return new StallFault(null);
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    exchange.hold(duration);
  }

  @Override
  public void validate(Problems problems) {
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      problems.at("for").error("must be positive, or left out to stall until the client gives up");
    }
  }
}
