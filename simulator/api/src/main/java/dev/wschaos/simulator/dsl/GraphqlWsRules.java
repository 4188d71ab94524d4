package dev.wschaos.simulator.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.conversation.DelayReplyFault;
import dev.wschaos.simulator.fault.conversation.ErrorReplyFault;
import dev.wschaos.simulator.fault.conversation.FeedRepeatFault;
import dev.wschaos.simulator.fault.conversation.FeedSkipFault;
import dev.wschaos.simulator.fault.conversation.WithholdReplyFault;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.Reply;
import dev.wschaos.simulator.plan.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Protocol faults in graphql-transport-ws terms, for the {@code graphql-ws} pack (docs/packs/graphql-ws.md): narrow
 * the match, optionally pick a moment, then name the fault. Each verb puts one rule in the running plan and returns
 * its {@link ChaosRule} handle. The plan's behaviour must be a conversation ({@code @WsChaosTest(plan = "graphql-ws")}).
 *
 * <pre>{@code
 * chaos.graphqlWs().forClient("c1").attempt(1).withholdAck();                 // no connection_ack
 * chaos.graphqlWs().forClient("c1").attempt(2).rejectInit(4403);              // connection_init -> close 4403 Forbidden
 * chaos.graphqlWs().forClient("c1").attempt(3).after(Duration.ofSeconds(2)).closeWith(4500);
 * chaos.graphqlWs().forClient("c1").onMessage(json("type", "subscribe")).closeWith(4409);
 * chaos.graphqlWs().errorOnSubscribe("not allowed");                          // an error message for the operation
 * }</pre>
 */
public final class GraphqlWsRules extends ProtocolRules<GraphqlWsRules> {

  /** The protocol's close codes and the reasons its reference server gives. */
  public static final Map<Integer, String> CLOSE_CODES = Map.of(
      4400, "Bad request",
      4401, "Unauthorized",
      4403, "Forbidden",
      4406, "Subprotocol not acceptable",
      4408, "Connection initialisation timeout",
      4409, "Subscriber already exists",
      4429, "Too many initialisation requests",
      4500, "Internal server error");

  /** {@code connection_init} messages. */
  public static final MessageMatch CONNECTION_INIT = MessageMatch.json("type", "connection_init");
  /** {@code subscribe} messages. */
  public static final MessageMatch SUBSCRIBE = MessageMatch.json("type", "subscribe");
  /** {@code ping} messages. */
  public static final MessageMatch PING = MessageMatch.json("type", "ping");

  GraphqlWsRules(Chaos chaos, Match match, Trigger trigger) {
    super(chaos, match, trigger);
  }

  @Override
  GraphqlWsRules self() {
    return this;
  }

  /** {@code connection_init} is never acknowledged: the client's own init timeout must fire. */
  public ChaosRule withholdAck() {
    return install(new WithholdReplyFault(CONNECTION_INIT));
  }

  /** {@code connection_ack} comes {@code delay} after {@code connection_init}. */
  public ChaosRule delayAck(Duration delay) {
    return install(new DelayReplyFault(CONNECTION_INIT, delay));
  }

  /** {@code ping} is never answered with {@code pong}. */
  public ChaosRule withholdPong() {
    return install(new WithholdReplyFault(PING));
  }

  /** {@code connection_init} is answered by closing with {@code code} (e.g. 4401, 4403, 4429) and its reason. */
  public ChaosRule rejectInit(int code) {
    return install(new ErrorReplyFault(CONNECTION_INIT, List.of(), closeFault(code)));
  }

  /** Close with the protocol's {@code code} and its reason (4400, 4401, 4403, 4406, 4408, 4409, 4429, 4500). */
  public ChaosRule closeWith(int code) {
    return install(closeFault(code));
  }

  /** Close with any {@code code} and {@code reason}. */
  public ChaosRule closeWith(int code, String reason) {
    return install(new CloseFault(code, reason));
  }

  /** {@code subscribe} is answered with an {@code error} message for its id, {@code [{"message": message}]}. */
  public ChaosRule errorOnSubscribe(String message) {
    return install(new ErrorReplyFault(SUBSCRIBE, List.of(Reply.text(
        "{\"id\":\"{{json.message.id}}\",\"type\":\"error\",\"payload\":[{\"message\":" + jsonString(message)
            + "}]}"))));
  }

  /** The next {@code count} {@code next} messages of every subscription are not sent: a gap. */
  public ChaosRule skipNext(int count) {
    return install(new FeedSkipFault(count, null));
  }

  /** Each of the next {@code count} {@code next} messages of every subscription is sent twice. */
  public ChaosRule repeatNext(int count) {
    return install(new FeedRepeatFault(count, null));
  }

  private static CloseFault closeFault(int code) {
    String reason = CLOSE_CODES.get(code);
    if (reason == null) {
      throw new IllegalArgumentException(code + " is not a graphql-transport-ws close code: use one of "
          + new TreeMap<>(CLOSE_CODES).keySet() + ", or closeWith(code, reason) for any other");
    }
    return new CloseFault(code, reason);
  }

  private static String jsonString(String text) {
    try {
      return Json.mapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
