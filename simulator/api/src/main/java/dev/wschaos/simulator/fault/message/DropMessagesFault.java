package dev.wschaos.simulator.fault.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;

/**
 * Lose each server-to-client message with {@code probability}, as a lossy broker or a buggy fan-out does (TCP itself
 * never loses data): a client that tracks sequence numbers (see the {@code ticker} behaviour) sees gaps.
 *
 * <pre>{@code
 * fault: {type: drop-messages, probability: 0.05}
 * }</pre>
 */
@JsonTypeName("drop-messages")
public record DropMessagesFault(double probability) implements ConnectionFault {

  @JsonCreator
  public DropMessagesFault(@JsonProperty(value = "probability", required = true) double probability) {
    this.probability = probability;
  }

  @Override
  public void apply(LiveConnection connection) {
    connection.outbound((message, next) -> {
      if (connection.random().nextDouble() >= probability) {
        next.accept(message);
      }
    });
  }

  @Override
  public void validate(Problems problems) {
    Probability.check(probability, problems);
  }
}
