package dev.wschaos.simulator.fault.message;

import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.MessageFlow;
import dev.wschaos.simulator.fault.shaping.Direction;
import dev.wschaos.simulator.message.ClientMessage;
import dev.wschaos.simulator.message.MessageMatch;

/**
 * Which messages a message fault acts on: a direction ({@code out}, server or upstream to client, the default;
 * {@code in}, client to server or upstream; {@code both}) and an optional {@link MessageMatch} that each message must
 * meet (the matchers of conversation steps, applied to whichever side sent it). Messages not selected pass untouched.
 *
 * <pre>{@code
 * fault: {type: drop-messages, probability: 1, match: {text: "^CONNECTED"}}               # the upstream's CONNECTED
 * fault: {type: delay-messages, delay: 2s, match: {text: "^MESSAGE"}, direction: out}      # every MESSAGE, 2 s late
 * }</pre>
 */
record MessageSelection(Direction direction, MessageMatch match) {

  MessageSelection {
    direction = direction == null ? Direction.OUT : direction;
  }

  boolean selects(MessageFlow.Message message) {
    return match == null || match.matches(message.isText() ? ClientMessage.text(message.text())
        : ClientMessage.binary(message.binary()));
  }

  /**
   * Install {@code action} for the selected messages of each chosen direction; the others go straight on.
   */
  void install(LiveConnection connection, MessageFlow action) {
    MessageFlow flow = match == null ? action : (message, next) -> {
      if (selects(message)) {
        action.offer(message, next);
      } else {
        next.accept(message);
      }
    };
    if (direction.out()) {
      connection.outbound(flow);
    }
    if (direction.in()) {
      connection.inbound(flow);
    }
  }

  void validate(Problems problems) {
    if (match != null) {
      match.validate(problems.at("match"));
    }
  }

}
