package dev.wschaos.simulator.fault.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.ConversationPort;

/**
 * The server's application heartbeat stops: the conversation's {@code heartbeat} sends nothing more and stops
 * expecting the client's answers. WebSocket pings are untouched (see {@code no-pong} for those).
 *
 * <pre>{@code
 * trigger: {after: 5s}
 * fault: {type: stop-heartbeat}
 * }</pre>
 */
@JsonTypeName("stop-heartbeat")
public record StopHeartbeatFault() implements ConversationFault {

  @JsonCreator
  public StopHeartbeatFault {}

  @Override
  public void apply(ConversationPort conversation) {
    conversation.stopHeartbeat();
  }
}
