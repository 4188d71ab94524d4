package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.match.Match;
import java.time.Duration;

/**
 * Close TCP of open connections with a RST (clients see a connection reset / 1006), at once or spread over a window.
 *
 * <pre>{@code
 * {type: reset, share: 0.2}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResetAction(Double share, Integer count, Match match, Duration spread) implements FleetAction {

  @JsonCreator
  public ResetAction(
      @JsonProperty("share") Double share,
      @JsonProperty("count") Integer count,
      @JsonProperty("match") Match match,
      @JsonProperty("spread") Duration spread) {
    this.share = share;
    this.count = count;
    this.match = match;
    this.spread = spread;
  }

  public static ResetAction share(double value) {
    return new ResetAction(value, null, null, null);
  }

  @JsonIgnore
  public Selection selection() {
    return new Selection(share, count, match);
  }

  @Override
  public void validate(Problems problems) {
    selection().validate(problems);
    Spread.validate(spread, problems.at("spread"));
  }

  @Override
  public String describe() {
    return "reset " + selection().describe() + (spread == null ? "" : " spread=" + DurationText.format(spread));
  }
}
