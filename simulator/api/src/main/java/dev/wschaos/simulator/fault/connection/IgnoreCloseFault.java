package dev.wschaos.simulator.fault.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;

/**
 * When the client sends a close frame, answer nothing and keep TCP open: the client's close handshake never ends,
 * and only its close timeout frees it.
 *
 * <pre>{@code
 * fault: {type: ignore-close}
 * }</pre>
 */
@JsonTypeName("ignore-close")
public record IgnoreCloseFault() implements ConnectionFault {

  @JsonCreator
  public IgnoreCloseFault {}

  @Override
  public void apply(LiveConnection connection) {
    connection.ignoreClientClose();
  }
}
