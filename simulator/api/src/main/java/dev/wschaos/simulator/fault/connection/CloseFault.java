package dev.wschaos.simulator.fault.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.UpstreamClose;

/**
 * Send a close frame with a chosen code and reason, then wait (bounded) for the client's close frame and close TCP.
 * On a proxied connection, {@code upstream} chooses what the upstream sees (see {@link UpstreamClose}; default
 * {@code going-away}).
 *
 * <pre>{@code
 * fault: {type: close, code: 1013, reason: "try again later; retry after 5s"}
 * fault: {type: close, code: 1012, reason: restart, upstream: same}
 * }</pre>
 *
 * @param upstream what a proxied connection's upstream sees; null: {@link UpstreamClose#GOING_AWAY}
 */
@JsonTypeName("close")
public record CloseFault(int code, String reason,
                         @JsonInclude(JsonInclude.Include.NON_NULL) UpstreamClose upstream)
    implements ConnectionFault {

  @JsonCreator
  public CloseFault(@JsonProperty(value = "code", required = true) int code, @JsonProperty("reason") String reason,
                    @JsonProperty("upstream") UpstreamClose upstream) {
    this.code = code;
    this.reason = reason == null ? "" : reason;
    this.upstream = upstream;
  }

  public CloseFault(int code, String reason) {
    this(code, reason, null);
  }

  public static CloseFault of(int code) {
    return new CloseFault(code, null);
  }

  /** The same close, with {@code choice} for what a proxied connection's upstream sees. */
  public CloseFault withUpstream(UpstreamClose choice) {
    return new CloseFault(code, reason, choice);
  }

  @Override
  public void apply(LiveConnection connection) {
    if (upstream == null) {
      connection.close(code, reason);
    } else {
      connection.close(code, reason, upstream);
    }
  }

  @Override
  public void validate(Problems problems) {
    CloseCodes.validate(code, reason, problems);
  }
}
