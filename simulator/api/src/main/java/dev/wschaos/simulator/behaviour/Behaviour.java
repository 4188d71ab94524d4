package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.LiveConnection;
import java.util.List;

/**
 * What a healthy connection does when no fault applies: {@code echo} (default), {@code ticker},
 * {@code silent}, or a scripted {@code conversation}.
 *
 * <pre>{@code
 * behaviour: {type: ticker, interval: 100ms}
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EchoBehaviour.class, name = "echo"),
    @JsonSubTypes.Type(value = TickerBehaviour.class, name = "ticker"),
    @JsonSubTypes.Type(value = SilentBehaviour.class, name = "silent"),
    @JsonSubTypes.Type(value = ConversationBehaviour.class, name = "conversation")
})
public interface Behaviour {

  /** Start serving a freshly opened connection. */
  BehaviourSession start(LiveConnection connection);

  default void validate(Problems problems) {}

  /** The subprotocols this behaviour speaks, in preference order, when the plan's handshake lists none. */
  default List<String> subprotocols() {
    return List.of();
  }
}
