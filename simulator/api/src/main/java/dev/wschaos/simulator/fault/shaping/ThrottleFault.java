package dev.wschaos.simulator.fault.shaping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;

/**
 * Cap the connection's throughput at {@code bytesPerSecond} (WebSocket frames as bytes on the wire), as a slow or
 * congested link does. Reads are capped by not reading, so the client's TCP send window fills.
 *
 * <pre>{@code
 * fault: {type: throttle, bytesPerSecond: 16384, direction: out}
 * }</pre>
 */
@JsonTypeName("throttle")
public record ThrottleFault(long bytesPerSecond, Direction direction) implements ConnectionFault {

  @JsonCreator
  public ThrottleFault(@JsonProperty(value = "bytesPerSecond", required = true) long bytesPerSecond,
                       @JsonProperty("direction") Direction direction) {
    this.bytesPerSecond = bytesPerSecond;
    this.direction = direction == null ? Direction.OUT : direction;
  }

  /** Cap server-to-client throughput at {@code bytesPerSecond}. */
  public static ThrottleFault of(long bytesPerSecond) {
    return new ThrottleFault(bytesPerSecond, Direction.OUT);
  }

  /** This cap on {@code value} traffic. */
  public ThrottleFault withDirection(Direction value) {
    return new ThrottleFault(bytesPerSecond, value);
  }

  @Override
  public void apply(LiveConnection connection) {
    connection.limitBandwidth(direction.out() ? bytesPerSecond : 0, direction.in() ? bytesPerSecond : 0);
  }

  @Override
  public void validate(Problems problems) {
    if (bytesPerSecond < 64) {
      problems.at("bytesPerSecond").error(bytesPerSecond + " is out of range: at least 64 bytes per second");
    }
  }
}
