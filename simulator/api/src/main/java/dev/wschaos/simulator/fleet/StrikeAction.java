package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.match.Match;
import java.time.Duration;

/**
 * A fleet action that strikes selected open connections with one connection fault, at once or spread over a window:
 * the selection ({@code share}, {@code count}, {@code match}) and {@code spread} are common, the fault is the
 * action's own. An implementation is a record of those fields plus {@link #fault()}.
 *
 * <pre>{@code
 * public record DropAction(Double share, Integer count, Match match, Duration spread) implements StrikeAction {
 *   public ConnectionFault fault() { return new DropFault(); }
 * }
 * }</pre>
 */
public interface StrikeAction extends FleetAction {

  Double share();

  Integer count();

  Match match();

  Duration spread();

  /** The fault each selected connection gets. */
  @JsonIgnore
  ConnectionFault fault();

  @JsonIgnore
  default Selection selection() {
    return new Selection(share(), count(), match());
  }

  @Override
  default void validate(Problems problems) {
    fault().validate(problems);
    selection().validate(problems);
    Spread.validate(spread(), problems.at("spread"));
  }

  @Override
  default String describe() {
    return type() + " " + selection().describe() + describeSpread();
  }

  /** {@code " spread=5s"}, or nothing. */
  default String describeSpread() {
    return spread() == null ? "" : " spread=" + DurationText.format(spread());
  }

  @Override
  default int applyTo(LiveFleet fleet) {
    return fleet.strike(selection(), spread(), fault());
  }
}
