package dev.wschaos.simulator.fault.conversation;

import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.ConversationPort;
import dev.wschaos.simulator.fault.LiveConnection;

/**
 * A protocol-level fault: it changes what the connection's conversation says, not the WebSocket. On a connection
 * whose behaviour is not a conversation it does nothing.
 *
 * <pre>{@code
 * fault: {type: withhold-reply, when: {json: {type: auth}}}
 * }</pre>
 */
public interface ConversationFault extends ConnectionFault {

  void apply(ConversationPort conversation);

  @Override
  default void apply(LiveConnection connection) {
    ConversationPort port = connection.conversation();
    if (port != null) {
      apply(port);
    }
  }
}
