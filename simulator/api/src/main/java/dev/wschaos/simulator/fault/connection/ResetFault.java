package dev.wschaos.simulator.fault.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;

/**
 * Close TCP with a RST (SO_LINGER 0) and no close frame: the client sees "connection reset" and 1006, as when a load
 * balancer or firewall forgets the connection.
 *
 * <pre>{@code
 * fault: {type: reset}
 * }</pre>
 */
@JsonTypeName("reset")
public record ResetFault() implements ConnectionFault {

  @JsonCreator
  public ResetFault {}

  @Override
  public void apply(LiveConnection connection) {
    connection.reset();
  }
}
