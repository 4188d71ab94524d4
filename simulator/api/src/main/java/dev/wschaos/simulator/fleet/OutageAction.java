package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import java.time.Duration;

/**
 * The server goes away: open connections are dropped (FIN, or RST with {@code reset: true}), the port stops
 * listening (clients get "connection refused") for {@code duration}, then the same port listens again.
 *
 * <pre>{@code
 * {type: outage, duration: 15s}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutageAction(Duration duration, boolean reset) implements FleetAction {

  static final Duration MAX = Duration.ofHours(1);

  @JsonCreator
  public OutageAction(
      @JsonProperty(value = "duration", required = true) Duration duration,
      @JsonProperty("reset") Boolean reset) {
    this(duration, reset != null && reset);
  }

  public static OutageAction lasting(Duration duration) {
    return new OutageAction(duration, false);
  }

  @Override
  public void validate(Problems problems) {
    validateDuration(duration, problems.at("duration"), "an outage needs a duration, e.g. 15s");
  }

  static void validateDuration(Duration value, Problems at, String missing) {
    if (value == null) {
      at.error(missing);
    } else if (value.isNegative() || value.isZero() || value.compareTo(MAX) > 0) {
      at.error("must be more than 0s and at most 1h");
    }
  }

  @Override
  public int applyTo(LiveFleet fleet) {
    return fleet.outage(duration, reset);
  }

  @Override
  public String describe() {
    return "outage " + (duration == null ? "?" : DurationText.format(duration)) + (reset ? " (RST)" : "");
  }
}
