package dev.wschaos.simulator.fault.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.plan.message.MessageMatch;
import dev.wschaos.simulator.plan.message.Reply;
import dev.wschaos.simulator.plan.message.TemplateVariables;
import java.util.List;

/**
 * The reply is an error, in the protocol's own format: client messages matching {@code when} are answered with
 * {@code reply} (templates, as in a conversation) and nothing else: no feed starts, no resume happens.
 *
 * <pre>{@code
 * fault: {type: error-reply, when: {json: {type: subscribe}},
 *         reply: ['{"type":"error","id":"{{message.id}}","code":503}']}
 * }</pre>
 */
@JsonTypeName("error-reply")
public record ErrorReplyFault(MessageMatch when, List<Reply> reply) implements ConversationFault {

  @JsonCreator
  public ErrorReplyFault(
      @JsonProperty(value = "when", required = true) MessageMatch when,
      @JsonProperty(value = "reply", required = true) List<Reply> reply) {
    this.when = when;
    this.reply = reply == null ? List.of() : List.copyOf(reply);
  }

  @Override
  public void apply(ConversationPort conversation) {
    conversation.changeReplies(when, ReplyChange.instead(reply));
  }

  @Override
  public void validate(Problems problems) {
    when.validate(problems.at("when"));
    if (reply.isEmpty()) {
      problems.at("reply").error("list at least one message (to send nothing, use withhold-reply)");
    }
    for (int i = 0; i < reply.size(); i++) {
      reply.get(i).validate(problems.at("reply").at(i), TemplateVariables.MESSAGE);
    }
  }
}
