package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.Reply;
import dev.wschaos.simulator.message.TemplateVariables;
import java.util.List;

/**
 * One step of a conversation: when a client message matches {@code when}, send {@code reply}, then stop a feed
 * live on this connection ({@code stop}), replay one ({@code resume}) and start one ({@code feed}).
 *
 * <pre>{@code
 * - when: {json: {type: subscribe}}
 *   reply: ['{"type":"subscribed","id":"{{message.id}}"}']
 *   feed: {key: "{{message.channel}}", every: 200ms, send: '{"seq":{{feed.seq}}}'}
 * - when: {json: {type: unsubscribe}}
 *   stop: {feed: "{{message.channel}}"}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Exchange(MessageMatch when, List<Reply> reply, StopSpec stop, FeedSpec feed, ResumeSpec resume) {

  @JsonCreator
  public Exchange(
      @JsonProperty("when") MessageMatch when,
      @JsonProperty("reply") List<Reply> reply,
      @JsonProperty("stop") StopSpec stop,
      @JsonProperty("feed") FeedSpec feed,
      @JsonProperty("resume") ResumeSpec resume) {
    this.when = when;
    this.reply = reply == null ? List.of() : List.copyOf(reply);
    this.stop = stop;
    this.feed = feed;
    this.resume = resume;
  }

  public Exchange(MessageMatch when, List<Reply> reply, FeedSpec feed, ResumeSpec resume) {
    this(when, reply, null, feed, resume);
  }

  public static Exchange reply(MessageMatch when, String... replies) {
    return new Exchange(when, java.util.Arrays.stream(replies).map(Reply::text).toList(), null, null, null);
  }

  public Exchange withFeed(FeedSpec value) {
    return new Exchange(when, reply, stop, value, resume);
  }

  public Exchange withResume(ResumeSpec value) {
    return new Exchange(when, reply, stop, feed, value);
  }

  public Exchange withStop(StopSpec value) {
    return new Exchange(when, reply, value, feed, resume);
  }

  public void validate(Problems problems) {
    if (when == null) {
      problems.at("when").error("say which messages this answers, e.g. when: {json: {type: auth}}");
    } else {
      when.validate(problems.at("when"));
    }
    for (int i = 0; i < reply.size(); i++) {
      if (reply.get(i) == null) {
        problems.at("reply").at(i).error("a message cannot be empty");
      } else {
        reply.get(i).validate(problems.at("reply").at(i), TemplateVariables.MESSAGE);
      }
    }
    if (stop != null) {
      stop.validate(problems.at("stop"));
    }
    if (feed != null) {
      feed.validate(problems.at("feed"));
    }
    if (resume != null) {
      resume.validate(problems.at("resume"));
    }
  }
}
