package dev.wschaos.simulator.fault.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import java.time.Duration;

/**
 * The connection goes silent both ways while TCP stays up: the server stops reading (pings go unanswered, the
 * client's sends pile up in TCP buffers) and sends nothing more, no close frame, no FIN. Only a client with a
 * heartbeat or read timeout notices. With {@code startWithin}, it happens after a random delay up to that long;
 * with {@code for}, the server drops TCP (FIN, no close frame) after that long.
 *
 * <pre>{@code
 * fault: {type: half-open, startWithin: 20s, for: 60s}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("half-open")
public record HalfOpenFault(Duration startWithin, @JsonProperty("for") Duration duration) implements ConnectionFault {

  @JsonCreator
  public HalfOpenFault(@JsonProperty("startWithin") Duration startWithin, @JsonProperty("for") Duration duration) {
    this.startWithin = startWithin;
    this.duration = duration;
  }

  public static HalfOpenFault forever() {
    return new HalfOpenFault(null, null);
  }

  /** This fault, starting after a random delay of up to {@code window}. */
  public HalfOpenFault startingWithin(Duration window) {
    return new HalfOpenFault(window, duration);
  }

  /** This fault, ending with a FIN (no close frame) after {@code lasting}. */
  public HalfOpenFault lasting(Duration lasting) {
    return new HalfOpenFault(startWithin, lasting);
  }

  @Override
  public void apply(LiveConnection connection) {
    if (startWithin == null || startWithin.isZero()) {
      goSilent(connection);
    } else {
      long delay = (long) (connection.random().nextDouble() * startWithin.toMillis());
      connection.schedule(Duration.ofMillis(delay), () -> goSilent(connection));
    }
  }

  private void goSilent(LiveConnection connection) {
    connection.reading(false);
    connection.suppressPings();
    connection.outbound((message, next) -> {});
    if (duration != null) {
      connection.schedule(duration, connection::drop);
    }
  }

  @Override
  public void validate(Problems problems) {
    if (startWithin != null && startWithin.isNegative()) {
      problems.at("startWithin").error("cannot be negative");
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      problems.at("for").error("must be positive, or left out to stay half-open until the client gives up");
    }
  }
}
