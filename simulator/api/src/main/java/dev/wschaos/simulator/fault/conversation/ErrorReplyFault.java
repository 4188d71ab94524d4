package dev.wschaos.simulator.fault.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.ConversationPort;
import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.fault.ReplyChange;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.Reply;
import dev.wschaos.simulator.message.TemplateVariables;
import java.util.List;

/**
 * The reply is an error, in the protocol's own format: client messages matching {@code when} are answered with
 * {@code reply} (templates, as in a conversation) and nothing else: no feed starts, no resume happens. With
 * {@code then}, a connection fault strikes right after the error, as protocols that close after an error do
 * (STOMP's {@code ERROR} frame).
 *
 * <pre>{@code
 * fault: {type: error-reply, when: {json: {type: subscribe}},
 *         reply: ['{"type":"error","id":"{{message.id}}","code":503}']}
 * fault: {type: error-reply, when: {text: '\ASUBSCRIBE'}, reply: ["ERROR\nmessage:forbidden\n\n\0"],
 *         then: {type: close, code: 1002, reason: stomp error}}
 * }</pre>
 */
@JsonTypeName("error-reply")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorReplyFault(MessageMatch when, List<Reply> reply, Fault then) implements ConversationFault {

  @JsonCreator
  public ErrorReplyFault(
      @JsonProperty(value = "when", required = true) MessageMatch when,
      @JsonProperty("reply") List<Reply> reply,
      @JsonProperty("then") Fault then) {
    this.when = when;
    this.reply = reply == null ? List.of() : List.copyOf(reply);
    this.then = then;
  }

  public ErrorReplyFault(MessageMatch when, List<Reply> reply) {
    this(when, reply, null);
  }

  @Override
  public void apply(ConversationPort conversation) {
    conversation.changeReplies(when, ReplyChange.instead(reply, (ConnectionFault) then));
  }

  @Override
  public void validate(Problems problems) {
    when.validate(problems.at("when"));
    if (reply.isEmpty() && then == null) {
      problems.at("reply").error("list at least one message (to send nothing, use withhold-reply; to answer with "
          + "a close, give then)");
    }
    for (int i = 0; i < reply.size(); i++) {
      reply.get(i).validate(problems.at("reply").at(i), TemplateVariables.MESSAGE);
    }
    if (then != null && !(then instanceof ConnectionFault)) {
      problems.at("then").error("'" + then.type() + "' is not a connection fault; use one such as close, drop "
          + "or reset");
    } else if (then != null) {
      then.validate(problems.at("then"));
    }
  }
}
