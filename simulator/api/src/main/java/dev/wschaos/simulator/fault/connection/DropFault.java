package dev.wschaos.simulator.fault.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;

/**
 * Close TCP with a FIN and no close frame: the client reports 1006 Abnormal Closure, as after network loss, a proxy
 * idle timeout or a crashed server.
 *
 * <pre>{@code
 * fault: {type: drop}
 * }</pre>
 */
@JsonTypeName("drop")
public record DropFault() implements ConnectionFault {

  @JsonCreator
  public DropFault {}

  @Override
  public void apply(LiveConnection connection) {
    connection.drop();
  }
}
