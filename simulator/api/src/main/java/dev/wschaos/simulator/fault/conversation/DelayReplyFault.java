package dev.wschaos.simulator.fault.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConversationPort;
import dev.wschaos.simulator.fault.ReplyChange;
import dev.wschaos.simulator.message.MessageMatch;
import java.time.Duration;

/**
 * Replies are late: client messages matching {@code when} are handled as usual, but only {@code delay} after they
 * arrived (replies, feeds and resumes alike).
 *
 * <pre>{@code
 * fault: {type: delay-reply, when: {json: {type: auth}}, delay: 3s}
 * }</pre>
 */
@JsonTypeName("delay-reply")
public record DelayReplyFault(MessageMatch when, Duration delay) implements ConversationFault {

  @JsonCreator
  public DelayReplyFault(
      @JsonProperty(value = "when", required = true) MessageMatch when,
      @JsonProperty(value = "delay", required = true) Duration delay) {
    this.when = when;
    this.delay = delay;
  }

  @Override
  public void apply(ConversationPort conversation) {
    conversation.changeReplies(when, ReplyChange.delay(delay));
  }

  @Override
  public void validate(Problems problems) {
    when.validate(problems.at("when"));
    if (delay == null || delay.isNegative() || delay.isZero()) {
      problems.at("delay").error("must be positive (e.g. 2s)");
    }
  }
}
