package dev.wschaos.simulator.fault.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.protocol.Frames;

/**
 * Send a close frame, then never close TCP: the client's answering close frame is swallowed and nothing more is
 * sent. RFC 6455 7.1.1 has the server close TCP first; a client must not wait for that forever.
 *
 * <pre>{@code
 * fault: {type: close-no-fin, code: 1001, reason: "going away"}
 * }</pre>
 */
@JsonTypeName("close-no-fin")
public record CloseNoFinFault(int code, String reason) implements ConnectionFault {

  @JsonCreator
  public CloseNoFinFault(@JsonProperty("code") Integer code, @JsonProperty("reason") String reason) {
    this(code == null ? 1001 : code, reason == null ? "" : reason);
  }

  @Override
  public void apply(LiveConnection connection) {
    connection.ignoreClientClose();
    connection.suppressPings();
    connection.writeRaw(Frames.close(code, reason));
    connection.outbound((message, next) -> {});
  }

  @Override
  public void validate(Problems problems) {
    CloseCodes.validate(code, reason, problems);
  }
}
