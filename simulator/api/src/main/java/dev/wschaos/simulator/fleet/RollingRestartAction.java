package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import java.time.Duration;

/**
 * A rolling restart, node by node: node 1 {@linkplain RestartAction restarts} (closes its clients with 1012, refuses
 * connections for {@code down}, listens again), then after {@code gap} node 2, and so on, as a deploy behind a load
 * balancer does. Sent to any node of a cluster with {@code POST /actions}; a simulator alone restarts once.
 *
 * <pre>{@code
 * {type: rolling-restart, down: 5s, gap: 2s}
 * }</pre>
 *
 * @param gap the pause between one node listening again and the next one going down (default 0s)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollingRestartAction(Duration down, Duration gap, int code, String reason) implements FleetAction {

  @JsonCreator
  public RollingRestartAction(
      @JsonProperty(value = "down", required = true) Duration down,
      @JsonProperty("gap") Duration gap,
      @JsonProperty("code") Integer code,
      @JsonProperty("reason") String reason) {
    this(down, gap == null ? Duration.ZERO : gap, code == null ? RestartAction.SERVICE_RESTART : code,
        reason == null ? "rolling restart" : reason);
  }

  public RollingRestartAction(Duration down, Duration gap, int code, String reason) {
    this.down = down;
    this.gap = gap;
    this.code = code;
    this.reason = reason;
  }

  /** Each node down for {@code down}, the next one going down {@code gap} after the previous one is back. */
  public static RollingRestartAction of(Duration down, Duration gap) {
    return new RollingRestartAction(down, gap, RestartAction.SERVICE_RESTART, "rolling restart");
  }

  /** What each node does in turn. */
  public RestartAction step() {
    return new RestartAction(down, code, reason);
  }

  @Override
  public void validate(Problems problems) {
    step().validate(problems);
    if (gap == null || gap.isNegative() || gap.compareTo(OutageAction.MAX) > 0) {
      problems.at("gap").error("must be 0s or more and at most 1h");
    }
  }

  @Override
  public int applyTo(LiveFleet fleet) {
    return step().applyTo(fleet);
  }

  @Override
  public String describe() {
    return "rolling-restart " + code + (reason.isEmpty() ? "" : " '" + reason + "'") + " down="
        + (down == null ? "?" : DurationText.format(down)) + " gap=" + DurationText.format(gap);
  }
}
