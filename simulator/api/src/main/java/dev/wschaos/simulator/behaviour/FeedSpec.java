package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.message.MessageTemplate;
import dev.wschaos.simulator.message.TemplateVariables;
import java.time.Duration;

/**
 * A feed a message starts: one event {@code every} period, numbered from 1, rendered from {@code send}. Each client
 * has one stream per {@code key} that keeps numbering while the client is away, so a client that reconnects and
 * subscribes again sees a gap unless it resumes; a resume replays at most {@code maxReplay} events.
 *
 * <pre>{@code
 * feed: {key: "{{message.channel}}", every: 200ms, send: '{"type":"event","seq":{{feed.seq}}}', maxReplay: 1000}
 * }</pre>
 */
public record FeedSpec(MessageTemplate key, Duration every, MessageTemplate send, int maxReplay) {

  @JsonCreator
  public FeedSpec(
      @JsonProperty("key") MessageTemplate key,
      @JsonProperty("every") Duration every,
      @JsonProperty("send") MessageTemplate send,
      @JsonProperty("maxReplay") Integer maxReplay) {
    this(key == null ? MessageTemplate.of("default") : key, every, send, maxReplay == null ? 1000 : maxReplay);
  }

  public static FeedSpec of(String key, Duration every, String send) {
    return new FeedSpec(MessageTemplate.of(key), every, MessageTemplate.of(send), null);
  }

  public void validate(Problems problems) {
    key.validate(problems.at("key"), TemplateVariables.MESSAGE);
    if (every == null || every.toMillis() < 1) {
      problems.at("every").error("must be at least 1ms (e.g. 200ms)");
    }
    if (send == null) {
      problems.at("send").error("give the event message, e.g. '{\"seq\":{{feed.seq}}}'");
    } else {
      send.validate(problems.at("send"), TemplateVariables.FEED);
    }
    if (maxReplay < 0) {
      problems.at("maxReplay").error(maxReplay + " is out of range: 0 or more");
    }
  }
}
