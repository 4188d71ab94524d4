package dev.wschaos.simulator.fault.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;

/**
 * Send each server-to-client message twice with {@code probability}, as at-least-once delivery after a retry does:
 * a client must recognise the repeat (by sequence number or id) and apply it once.
 *
 * <pre>{@code
 * fault: {type: duplicate-messages, probability: 0.05}
 * }</pre>
 */
@JsonTypeName("duplicate-messages")
public record DuplicateMessagesFault(double probability) implements ConnectionFault {

  @JsonCreator
  public DuplicateMessagesFault(@JsonProperty(value = "probability", required = true) double probability) {
    this.probability = probability;
  }

  @Override
  public void apply(LiveConnection connection) {
    connection.outbound((message, next) -> {
      next.accept(message);
      if (connection.random().nextDouble() < probability) {
        next.accept(message);
      }
    });
  }

  @Override
  public void validate(Problems problems) {
    Probability.check(probability, problems);
  }
}
