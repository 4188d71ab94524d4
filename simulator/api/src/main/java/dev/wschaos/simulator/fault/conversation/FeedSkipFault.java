package dev.wschaos.simulator.fault.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConversationPort;

/**
 * A feed skips sequence numbers: the next {@code count} live events of the feeds whose key matches {@code feed}
 * (a glob, default every feed) are produced but never sent, so the client sees a gap. A resume still replays them.
 *
 * <pre>{@code
 * fault: {type: feed-skip, count: 3, feed: "prices*"}
 * }</pre>
 */
@JsonTypeName("feed-skip")
public record FeedSkipFault(int count, String feed) implements ConversationFault {

  public FeedSkipFault {
    feed = feed == null ? "*" : feed;
  }

  @JsonCreator
  public FeedSkipFault(@JsonProperty("count") Integer count, @JsonProperty("feed") String feed) {
    this(count == null ? 1 : count, feed == null ? "*" : feed);
  }

  @Override
  public void apply(ConversationPort conversation) {
    conversation.disturbFeeds(feed, count, 0);
  }

  @Override
  public void validate(Problems problems) {
    if (count < 1) {
      problems.at("count").error(count + " is out of range: 1 or more");
    }
  }
}
