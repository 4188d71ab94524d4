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
 * Send each selected message twice with {@code probability}, as at-least-once delivery after a retry does: a client
 * must recognise the repeat (by sequence number or id) and apply it once. With {@code match} only the messages it
 * matches are candidates; {@code direction} ({@code out}, the default, {@code in}, {@code both}) chooses which way,
 * e.g. {@code in} makes the server (or a proxied upstream) get a client's order twice.
 *
 * <pre>{@code
 * fault: {type: duplicate-messages, probability: 0.05}
 * fault: {type: duplicate-messages, probability: 1, match: {json: {type: order}}, direction: in}
 * }</pre>
 */
@JsonTypeName("duplicate-messages")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DuplicateMessagesFault(double probability, MessageMatch match, Direction direction)
    implements ConnectionFault {

  @JsonCreator
  public DuplicateMessagesFault(@JsonProperty(value = "probability", required = true) double probability,
                                @JsonProperty("match") MessageMatch match,
                                @JsonProperty("direction") Direction direction) {
    this.probability = probability;
    this.match = match;
    this.direction = direction;
  }

  /** Every server-to-client message is a candidate. */
  public DuplicateMessagesFault(double probability) {
    this(probability, null, null);
  }

  @Override
  public void apply(LiveConnection connection) {
    new MessageSelection(direction, match).install(connection, (message, next) -> {
      next.accept(message);
      if (connection.random().nextDouble() < probability) {
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
