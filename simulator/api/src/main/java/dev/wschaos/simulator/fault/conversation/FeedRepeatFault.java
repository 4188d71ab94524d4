package dev.wschaos.simulator.fault.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConversationPort;

/**
 * A feed repeats sequence numbers: each of the next {@code count} live events of the feeds whose key matches
 * {@code feed} (a glob, default every feed) is sent twice, so the client sees duplicates.
 *
 * <pre>{@code
 * fault: {type: feed-repeat, count: 2}
 * }</pre>
 */
@JsonTypeName("feed-repeat")
public record FeedRepeatFault(int count, String feed) implements ConversationFault {

  public FeedRepeatFault {
    feed = feed == null ? "*" : feed;
  }

  @JsonCreator
  public FeedRepeatFault(@JsonProperty("count") Integer count, @JsonProperty("feed") String feed) {
    this(count == null ? 1 : count, feed == null ? "*" : feed);
  }

  @Override
  public void apply(ConversationPort conversation) {
    conversation.disturbFeeds(feed, 0, count);
  }

  @Override
  public void validate(Problems problems) {
    if (count < 1) {
      problems.at("count").error(count + " is out of range: 1 or more");
    }
  }
}
