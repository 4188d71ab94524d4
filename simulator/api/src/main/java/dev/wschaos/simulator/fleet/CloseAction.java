package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.connection.CloseCodes;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.match.Match;
import java.time.Duration;

/**
 * Close open connections with a close frame, all at once or spread evenly over a window, as a rolling deploy does.
 *
 * <pre>{@code
 * {type: close, code: 1012, reason: "rolling restart", share: 1.0, spread: 2s}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloseAction(int code, String reason, Double share, Integer count, Match match, Duration spread)
    implements StrikeAction {

  @JsonCreator
  public CloseAction(
      @JsonProperty(value = "code", required = true) int code,
      @JsonProperty("reason") String reason,
      @JsonProperty("share") Double share,
      @JsonProperty("count") Integer count,
      @JsonProperty("match") Match match,
      @JsonProperty("spread") Duration spread) {
    this.code = code;
    this.reason = reason == null ? "" : reason;
    this.share = share;
    this.count = count;
    this.match = match;
    this.spread = spread;
  }

  /** Close every open connection with {@code code}. */
  public static CloseAction all(int code, String reason) {
    return new CloseAction(code, reason, null, null, null, null);
  }

  public CloseAction spreadOver(Duration window) {
    return new CloseAction(code, reason, share, count, match, window);
  }

  public CloseAction share(double value) {
    return new CloseAction(code, reason, value, null, match, spread);
  }

  @Override
  public ConnectionFault fault() {
    return new CloseFault(code, reason);
  }

  @Override
  public String describe() {
    return "close " + code + (reason.isEmpty() ? "" : " '" + reason + "'") + " " + selection().describe()
        + describeSpread();
  }
}
