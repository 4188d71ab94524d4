package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.connection.HalfOpenFault;
import dev.wschaos.simulator.match.Match;
import java.time.Duration;

/**
 * Move open connections to half-open: the server stops reading and writing (no data, no pong, no close frame, no
 * FIN) while TCP stays up, as after a NAT or load-balancer failover; with {@code for}, TCP is dropped after that long.
 *
 * <pre>{@code
 * {type: half-open, share: 0.3, for: 2m}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HalfOpenAction(Double share, Integer count, Match match, Duration spread,
                             @JsonProperty("for") Duration duration) implements StrikeAction {

  @JsonCreator
  public HalfOpenAction(
      @JsonProperty("share") Double share,
      @JsonProperty("count") Integer count,
      @JsonProperty("match") Match match,
      @JsonProperty("spread") Duration spread,
      @JsonProperty("for") Duration duration) {
    this.share = share;
    this.count = count;
    this.match = match;
    this.spread = spread;
    this.duration = duration;
  }

  public static HalfOpenAction share(double value) {
    return new HalfOpenAction(value, null, null, null, null);
  }

  public static HalfOpenAction matching(Match match) {
    return new HalfOpenAction(null, null, match, null, null);
  }

  @Override
  public HalfOpenFault fault() {
    return new HalfOpenFault(null, duration);
  }

  @Override
  public String describe() {
    return "half-open " + selection().describe() + (duration == null ? "" : " for=" + DurationText.format(duration))
        + describeSpread();
  }
}
