package dev.wschaos.simulator.fault.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.shaping.Direction;
import dev.wschaos.simulator.message.MessageMatch;
import java.time.Duration;

/**
 * Hold each selected message {@code delay} before passing it on, as a slow broker or a backed-up fan-out holds one
 * kind of message: unlike {@code latency}, which delays the whole stream in order, messages the {@code match} does
 * not select go on at once and overtake the held ones. {@code direction}: {@code out} (server or upstream to client,
 * the default), {@code in}, {@code both}.
 *
 * <pre>{@code
 * fault: {type: delay-messages, delay: 2s, match: {text: "^MESSAGE"}}
 * fault: {type: delay-messages, delay: 500ms, match: {json: {type: ack}}, direction: in}
 * }</pre>
 */
@JsonTypeName("delay-messages")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DelayMessagesFault(Duration delay, MessageMatch match, Direction direction) implements ConnectionFault {

  @JsonCreator
  public DelayMessagesFault(@JsonProperty(value = "delay", required = true) Duration delay,
                            @JsonProperty("match") MessageMatch match,
                            @JsonProperty("direction") Direction direction) {
    this.delay = delay;
    this.match = match;
    this.direction = direction;
  }

  @Override
  public void apply(LiveConnection connection) {
    new MessageSelection(direction, match).install(connection,
        (message, next) -> connection.schedule(delay, () -> next.accept(message)));
  }

  @Override
  public void validate(Problems problems) {
    if (delay == null || delay.isNegative() || delay.isZero()) {
      problems.at("delay").error("must be more than 0, e.g. 2s or 250ms");
    }
    new MessageSelection(direction, match).validate(problems);
  }
}
