package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.connection.CloseFault;
import java.time.Duration;

/**
 * The server restarts: every open connection is closed with {@code code} (1012 Service Restart by default), the port
 * stops listening (clients get "connection refused") for {@code down}, then listens again. In a cluster, {@code POST
 * /actions} restarts every node at once (or the one named with {@code ?node=}); {@link RollingRestartAction} restarts
 * them one after the other.
 *
 * <pre>{@code
 * {type: restart, down: 5s}
 * {type: restart, down: 2s, code: 1001, reason: "deploy"}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestartAction(Duration down, int code, String reason) implements FleetAction {

  public static final int SERVICE_RESTART = 1012;

  @JsonCreator
  public RestartAction(
      @JsonProperty(value = "down", required = true) Duration down,
      @JsonProperty("code") Integer code,
      @JsonProperty("reason") String reason) {
    this(down, code == null ? SERVICE_RESTART : code, reason == null ? "service restart" : reason);
  }

  public RestartAction(Duration down, int code, String reason) {
    this.down = down;
    this.code = code;
    this.reason = reason;
  }

  /** Close every client with 1012 and refuse connections for {@code down}. */
  public static RestartAction down(Duration down) {
    return new RestartAction(down, SERVICE_RESTART, "service restart");
  }

  @Override
  public void validate(Problems problems) {
    OutageAction.validateDuration(down, problems.at("down"), "a restart needs how long the port is down, e.g. 5s");
    close().validate(problems);
  }

  @Override
  public int applyTo(LiveFleet fleet) {
    return fleet.restart(close(), down);
  }

  CloseFault close() {
    return new CloseFault(code, reason);
  }

  @Override
  public String describe() {
    return "restart " + code + (reason.isEmpty() ? "" : " '" + reason + "'") + " down="
        + (down == null ? "?" : DurationText.format(down));
  }
}
