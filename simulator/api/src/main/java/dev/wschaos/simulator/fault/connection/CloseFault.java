package dev.wschaos.simulator.fault.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;

/**
 * Send a close frame with a chosen code and reason, then wait (bounded) for the client's close frame and close TCP.
 *
 * <pre>{@code
 * fault: {type: close, code: 1013, reason: "try again later; retry after 5s"}
 * }</pre>
 */
@JsonTypeName("close")
public record CloseFault(int code, String reason) implements ConnectionFault {

  @JsonCreator
  public CloseFault(@JsonProperty(value = "code", required = true) int code, @JsonProperty("reason") String reason) {
    this.code = code;
    this.reason = reason == null ? "" : reason;
  }

  public static CloseFault of(int code) {
    return new CloseFault(code, null);
  }

  @Override
  public void apply(LiveConnection connection) {
    connection.close(code, reason);
  }

  @Override
  public void validate(Problems problems) {
    CloseCodes.validate(code, reason, problems);
  }
}
