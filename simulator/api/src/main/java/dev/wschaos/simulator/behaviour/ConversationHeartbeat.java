package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.Reply;
import dev.wschaos.simulator.message.TemplateVariables;
import java.time.Duration;

/**
 * The protocol's own keep-alive. With {@code send}: the server sends it {@code every} period and, with
 * {@code expect}, wants a matching client message {@code within} of each; without {@code send}, the client must
 * send a message matching {@code expect} at least once {@code within} (e.g. client pings). A miss strikes with
 * {@code onMiss}, any connection fault (default: close 1001 "heartbeat timeout"). Messages matching {@code expect}
 * are the heartbeat's: they are not matched against {@code on}.
 *
 * <pre>{@code
 * heartbeat: {send: '{"type":"ping"}', every: 10s, expect: {json: {type: pong}}, within: 5s,
 *             onMiss: {type: close, code: 4000, reason: heartbeat timeout}}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationHeartbeat(Reply send, Duration every, MessageMatch expect, Duration within, Fault onMiss) {

  public static final CloseFault DEFAULT_ON_MISS = new CloseFault(1001, "heartbeat timeout");

  @JsonCreator
  public ConversationHeartbeat(
      @JsonProperty("send") Reply send,
      @JsonProperty("every") Duration every,
      @JsonProperty("expect") MessageMatch expect,
      @JsonProperty("within") Duration within,
      @JsonProperty("onMiss") Fault onMiss) {
    this.send = send;
    this.every = every;
    this.expect = expect;
    this.within = within;
    this.onMiss = onMiss == null ? DEFAULT_ON_MISS : onMiss;
  }

  public void validate(Problems problems) {
    if (send == null && expect == null) {
      problems.error("set send (the server's heartbeat message), expect (the client's), or both");
    }
    if (send != null) {
      send.validate(problems.at("send"), TemplateVariables.CONNECTION);
      if (every == null || every.toMillis() < 10) {
        problems.at("every").error("must be at least 10ms (e.g. 10s): how often send goes out");
      }
    } else if (every != null) {
      problems.at("every").error("every paces send, which is not set");
    }
    if (expect != null) {
      expect.validate(problems.at("expect"));
      if (within == null || within.toMillis() < 1) {
        problems.at("within").error("must be positive (e.g. 5s): how long to wait for a message matching expect");
      }
    } else if (within != null) {
      problems.at("within").error("within bounds the wait for expect, which is not set");
    }
    if (!(onMiss instanceof ConnectionFault)) {
      problems.at("onMiss").error("'" + onMiss.type() + "' is a handshake fault; use a connection fault such as "
          + "close, drop or reset");
    } else {
      onMiss.validate(problems.at("onMiss"));
    }
  }
}
