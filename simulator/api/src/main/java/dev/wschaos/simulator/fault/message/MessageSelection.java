package dev.wschaos.simulator.fault.message;

import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.MessageFlow;
import dev.wschaos.simulator.fault.shaping.Direction;
import dev.wschaos.simulator.message.ClientMessage;
import dev.wschaos.simulator.message.MessageMatch;
import java.util.function.Supplier;

/**
 * Which messages a message fault acts on: a direction ({@code out}, server or upstream to client, the default;
 * {@code in}, client to server or upstream; {@code both}) and an optional {@link MessageMatch} that each message must
 * meet (the matchers of conversation steps, applied to whichever side sent it). Messages not selected pass untouched.
 *
 * <pre>{@code
 * fault: {type: drop-messages, probability: 1, match: {text: "^CONNECTED"}}               # the upstream's CONNECTED
 * fault: {type: delay-messages, delay: 2s, match: {text: "^MESSAGE"}, direction: out}      # every MESSAGE, 2 s late
 * fault: {type: duplicate-messages, probability: 1, match: {json: {type: order}}, direction: in}  # orders sent twice
 * fault: {type: reorder-messages, window: 2, match: {text: "^MESSAGE"}}                    # MESSAGEs swapped in pairs
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
    installEach(connection, () -> action);
  }

  /**
   * Install a new flow from {@code actions} for each chosen direction, for flows that hold state of their own (a
   * reorder window must not mix the two directions).
   */
  void installEach(LiveConnection connection, Supplier<MessageFlow> actions) {
    if (direction.out()) {
      connection.outbound(selected(actions.get()));
    }
    if (direction.in()) {
      connection.inbound(selected(actions.get()));
    }
  }

  private MessageFlow selected(MessageFlow action) {
    return match == null ? action : (message, next) -> {
      if (selects(message)) {
        action.offer(message, next);
      } else {
        next.accept(message);
      }
    };
  }

  void validate(Problems problems) {
    if (match != null) {
      match.validate(problems.at("match"));
    }
  }

}
