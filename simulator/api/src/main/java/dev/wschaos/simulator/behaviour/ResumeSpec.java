package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.message.MessageTemplate;
import dev.wschaos.simulator.message.TemplateVariables;

/**
 * Replay what a client missed: the events of its feed {@code feed} (a key) after sequence number {@code after}, up
 * to the feed's {@code maxReplay}, then keep the feed live on this connection. Both are templates over the message.
 * A feed the client never subscribed to, or an {@code after} that is not a number, replays nothing.
 *
 * <pre>{@code
 * resume: {feed: "{{message.channel}}", after: "{{message.lastSeq}}"}
 * }</pre>
 */
public record ResumeSpec(MessageTemplate feed, MessageTemplate after) {

  @JsonCreator
  public ResumeSpec(
      @JsonProperty("feed") MessageTemplate feed,
      @JsonProperty("after") MessageTemplate after) {
    this.feed = feed == null ? MessageTemplate.of("default") : feed;
    this.after = after;
  }

  public void validate(Problems problems) {
    feed.validate(problems.at("feed"), TemplateVariables.MESSAGE);
    if (after == null) {
      problems.at("after").error("give the last sequence number the client saw, e.g. \"{{message.lastSeq}}\"");
    } else {
      after.validate(problems.at("after"), TemplateVariables.MESSAGE);
    }
  }
}
