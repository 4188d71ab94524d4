package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.connection.ResetFault;
import dev.wschaos.simulator.match.Match;
import java.time.Duration;

/**
 * Close TCP of open connections with a RST (clients see a connection reset / 1006), at once or spread over a window.
 * Data not yet on the wire may be lost, as with a real reset.
 *
 * <pre>{@code
 * {type: reset, share: 0.2}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResetAction(Double share, Integer count, Match match, Duration spread) implements StrikeAction {

  public static ResetAction share(double value) {
    return new ResetAction(value, null, null, null);
  }

  @Override
  public ConnectionFault fault() {
    return new ResetFault();
  }
}
