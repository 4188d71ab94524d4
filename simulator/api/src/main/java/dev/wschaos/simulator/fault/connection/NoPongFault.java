package dev.wschaos.simulator.fault.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;

/**
 * Keep delivering data, but never answer the client's pings (and send no heartbeat pings of the server's own), as
 * an overloaded server or a stuck proxy does. Only a client that expects pongs in time notices.
 *
 * <pre>{@code
 * fault: {type: no-pong}
 * }</pre>
 */
@JsonTypeName("no-pong")
public record NoPongFault() implements ConnectionFault {

  @JsonCreator
  public NoPongFault {}

  @Override
  public void apply(LiveConnection connection) {
    connection.suppressPings();
  }
}
