package dev.wschaos.simulator.fault.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.shaping.Direction;
import dev.wschaos.simulator.message.MessageMatch;

/**
 * Lose each server-to-client message with {@code probability}, as a lossy broker or a buggy fan-out does (TCP itself
 * never loses data): a client that tracks sequence numbers (see the {@code ticker} behaviour) sees gaps. With
 * {@code match} only the messages it matches are candidates; {@code direction} ({@code out}, {@code in},
 * {@code both}) chooses which way, e.g. on a proxied connection the upstream's {@code CONNECTED} frame on attempt 1.
 *
 * <pre>{@code
 * fault: {type: drop-messages, probability: 0.05}
 * fault: {type: drop-messages, probability: 1, match: {text: "^CONNECTED"}}
 * }</pre>
 */
@JsonTypeName("drop-messages")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DropMessagesFault(double probability, MessageMatch match, Direction direction)
    implements ConnectionFault {

  @JsonCreator
  public DropMessagesFault(@JsonProperty(value = "probability", required = true) double probability,
                           @JsonProperty("match") MessageMatch match,
                           @JsonProperty("direction") Direction direction) {
    this.probability = probability;
    this.match = match;
    this.direction = direction;
  }

  /** Every server-to-client message is a candidate. */
  public DropMessagesFault(double probability) {
    this(probability, null, null);
  }

  @Override
  public void apply(LiveConnection connection) {
    new MessageSelection(direction, match).install(connection, (message, next) -> {
      if (connection.random().nextDouble() >= probability) {
        next.accept(message);
      }
    });
  }

  @Override
  public void validate(Problems problems) {
    Probability.check(probability, problems);
    new MessageSelection(direction, match).validate(problems);
  }
}
