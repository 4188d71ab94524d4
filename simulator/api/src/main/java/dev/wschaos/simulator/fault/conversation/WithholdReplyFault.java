package dev.wschaos.simulator.fault.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConversationPort;
import dev.wschaos.simulator.fault.ReplyChange;
import dev.wschaos.simulator.message.MessageMatch;

/**
 * The acknowledgement never comes: client messages matching {@code when} are read and ignored (no reply, no feed
 * started, no resume).
 *
 * <pre>{@code
 * fault: {type: withhold-reply, when: {json: {type: auth}}}
 * }</pre>
 */
@JsonTypeName("withhold-reply")
public record WithholdReplyFault(MessageMatch when) implements ConversationFault {

  @JsonCreator
  public WithholdReplyFault(@JsonProperty(value = "when", required = true) MessageMatch when) {
    this.when = when;
  }

  @Override
  public void apply(ConversationPort conversation) {
    conversation.changeReplies(when, ReplyChange.WITHHOLD);
  }

  @Override
  public void validate(Problems problems) {
    when.validate(problems.at("when"));
  }
}
