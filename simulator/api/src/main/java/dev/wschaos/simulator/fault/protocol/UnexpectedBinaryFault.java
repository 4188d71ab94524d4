package dev.wschaos.simulator.fault.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.MessageFlow;

/**
 * Send the next {@code messages} text messages of the healthy behaviour as binary messages with the same bytes
 * ({@code 0}: every later one). Legal on the wire; a client that only accepts text should close with 1003
 * Unsupported Data.
 *
 * <pre>{@code
 * fault: {type: unexpected-binary, messages: 1}
 * }</pre>
 */
@JsonTypeName("unexpected-binary")
public record UnexpectedBinaryFault(int messages) implements ConnectionFault {

  @JsonCreator
  public UnexpectedBinaryFault(@JsonProperty("messages") Integer messages) {
    this(messages == null ? 1 : messages);
  }

  @Override
  public void apply(LiveConnection connection) {
    int[] left = {messages == 0 ? Integer.MAX_VALUE : messages};
    connection.outbound((message, next) -> {
      if (left[0] > 0 && message.isText()) {
        left[0]--;
        next.accept(MessageFlow.Message.binary(message.bytes()));
      } else {
        next.accept(message);
      }
    });
  }

  @Override
  public void validate(Problems problems) {
    if (messages < 0) {
      problems.at("messages").error(messages + " is out of range: 1 or more, or 0 for every message");
    }
  }
}
