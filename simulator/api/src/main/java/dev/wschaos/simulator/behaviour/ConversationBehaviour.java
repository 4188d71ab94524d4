package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.message.Reply;
import dev.wschaos.simulator.message.TemplateVariables;
import java.util.ArrayList;
import java.util.List;

/**
 * Speak the client's own protocol: announce {@code subprotocols}, send {@code onOpen}, answer each client message
 * with the first step of {@code on} whose {@code when} matches (replies, feeds, resumes), keep the protocol's
 * {@code heartbeat}, and treat the rest as {@code unmatched} says. Templates are compiled when the plan is read.
 * A step marked {@code ready: true} completes the protocol's handshake (time to ready in reconnect analytics);
 * {@code closeCodes} names the protocol's close-code convention ({@link CloseConvention}) that analytics judge its
 * clients by. See docs/conversations.md.
 *
 * <pre>{@code
 * behaviour:
 *   type: conversation
 *   subprotocols: [chat.v2]
 *   onOpen: ['{"type":"hello","session":"{{connection.id}}"}']
 *   on:
 *     - when: {json: {type: auth}}
 *       reply: ['{"type":"ready","user":"{{json.message.user}}"}']
 *       ready: true
 *   closeCodes: pusher
 *   unmatched: {type: close, code: 1003, reason: unsupported message}
 * }</pre>
 */
@JsonPropertyOrder({"type", "subprotocols", "onOpen", "on", "heartbeat", "unmatched", "closeCodes"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConversationBehaviour(List<String> subprotocols, List<Reply> onOpen, List<Exchange> on,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) ConversationHeartbeat heartbeat,
                                    Unmatched unmatched, String closeCodes) implements Behaviour {

  @JsonCreator
  public ConversationBehaviour(
      @JsonProperty("subprotocols") List<String> subprotocols,
      @JsonProperty("onOpen") List<Reply> onOpen,
      @JsonProperty("on") List<Exchange> on,
      @JsonProperty("heartbeat") ConversationHeartbeat heartbeat,
      @JsonProperty("unmatched") Unmatched unmatched,
      @JsonProperty("closeCodes") String closeCodes) {
    this.subprotocols = subprotocols == null ? List.of() : List.copyOf(subprotocols);
    this.onOpen = onOpen == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(onOpen));
    this.on = on == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(on));
    this.heartbeat = heartbeat;
    this.unmatched = unmatched == null ? Unmatched.IGNORE : unmatched;
    this.closeCodes = closeCodes;
  }

  public ConversationBehaviour(List<String> subprotocols, List<Reply> onOpen, List<Exchange> on,
                               ConversationHeartbeat heartbeat, Unmatched unmatched) {
    this(subprotocols, onOpen, on, heartbeat, unmatched, null);
  }

  /** An empty conversation: add steps with {@link #step}. */
  public static ConversationBehaviour create() {
    return new ConversationBehaviour(null, null, null, null, null, null);
  }

  public ConversationBehaviour step(Exchange exchange) {
    List<Exchange> next = new ArrayList<>(on);
    next.add(exchange);
    return new ConversationBehaviour(subprotocols, onOpen, next, heartbeat, unmatched, closeCodes);
  }

  public ConversationBehaviour withSubprotocols(List<String> names) {
    return new ConversationBehaviour(names, onOpen, on, heartbeat, unmatched, closeCodes);
  }

  public ConversationBehaviour withOnOpen(List<Reply> messages) {
    return new ConversationBehaviour(subprotocols, messages, on, heartbeat, unmatched, closeCodes);
  }

  public ConversationBehaviour withHeartbeat(ConversationHeartbeat value) {
    return new ConversationBehaviour(subprotocols, onOpen, on, value, unmatched, closeCodes);
  }

  public ConversationBehaviour withUnmatched(Unmatched value) {
    return new ConversationBehaviour(subprotocols, onOpen, on, heartbeat, value, closeCodes);
  }

  /** Judge this conversation's clients by a close-code convention preset: graphql-ws, pusher, stomp. */
  public ConversationBehaviour withCloseCodes(String convention) {
    return new ConversationBehaviour(subprotocols, onOpen, on, heartbeat, unmatched, convention);
  }

  /** Whether some step resumes a feed, so a client could resume instead of subscribing afresh. */
  public boolean offersResume() {
    for (Exchange exchange : on) {
      if (exchange != null && exchange.resume() != null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public BehaviourSession start(LiveConnection connection) {
    return new ConversationSession(this, connection).start();
  }

  @Override
  public void validate(Problems problems) {
    for (int i = 0; i < subprotocols.size(); i++) {
      String name = subprotocols.get(i);
      if (name == null || name.isBlank() || !name.chars().allMatch(ConversationBehaviour::isTokenChar)) {
        problems.at("subprotocols").at(i).error("'" + name + "' is not a subprotocol token (RFC 6455: visible "
            + "ASCII, no separators such as , ; / or spaces)");
      }
    }
    for (int i = 0; i < onOpen.size(); i++) {
      if (onOpen.get(i) == null) {
        problems.at("onOpen").at(i).error("a message cannot be empty");
      } else {
        onOpen.get(i).validate(problems.at("onOpen").at(i), TemplateVariables.CONNECTION);
      }
    }
    for (int i = 0; i < on.size(); i++) {
      if (on.get(i) == null) {
        problems.at("on").at(i).error("a step cannot be empty: give at least when");
      } else {
        on.get(i).validate(problems.at("on").at(i));
      }
    }
    if (heartbeat != null) {
      heartbeat.validate(problems.at("heartbeat"));
    }
    unmatched.validate(problems.at("unmatched"));
    if (closeCodes != null && !CloseConvention.names().contains(closeCodes)) {
      problems.at("closeCodes").error("'" + closeCodes + "' is not a close-code convention; presets: "
          + String.join(", ", CloseConvention.names()));
    }
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }
}
