package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.connection.DropFault;
import dev.wschaos.simulator.match.Match;
import java.time.Duration;

/**
 * Close TCP of open connections with a FIN and no close frame (clients see 1006), at once or spread over a window.
 * What the server wrote before reaches the client first.
 *
 * <pre>{@code
 * {type: drop, share: 0.2}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DropAction(Double share, Integer count, Match match, Duration spread) implements StrikeAction {

  public static DropAction share(double value) {
    return new DropAction(value, null, null, null);
  }

  @Override
  public ConnectionFault fault() {
    return new DropFault();
  }
}
