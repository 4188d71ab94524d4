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
 * live on this connection ({@code stop}), replay one ({@code resume}) and start one ({@code feed}). A step marked
 * {@code ready: true} is the protocol's handshake: the first time one runs, the connection counts as ready in the
 * journal and reconnect analytics (time to ready, recovery to ready).
 *
 * <pre>{@code
 * - when: {json: {type: auth}}
 *   reply: ['{"type":"ready"}']
 *   ready: true
 * - when: {json: {type: subscribe}}
 *   reply: ['{"type":"subscribed","id":"{{message.id}}"}']
 *   feed: {key: "{{message.channel}}", every: 200ms, send: '{"seq":{{feed.seq}}}'}
 * - when: {json: {type: unsubscribe}}
 *   stop: {feed: "{{message.channel}}"}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Exchange(MessageMatch when, List<Reply> reply, StopSpec stop, FeedSpec feed, ResumeSpec resume,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean ready) {

  public Exchange {
    reply = reply == null ? List.of() : List.copyOf(reply);
  }

  @JsonCreator
  public Exchange(
      @JsonProperty("when") MessageMatch when,
      @JsonProperty("reply") List<Reply> reply,
      @JsonProperty("stop") StopSpec stop,
      @JsonProperty("feed") FeedSpec feed,
      @JsonProperty("resume") ResumeSpec resume,
      @JsonProperty("ready") Boolean ready) {
    this(when, reply, stop, feed, resume, ready != null && ready);
  }

  public Exchange(MessageMatch when, List<Reply> reply, StopSpec stop, FeedSpec feed, ResumeSpec resume) {
    this(when, reply, stop, feed, resume, false);
  }

  public Exchange(MessageMatch when, List<Reply> reply, FeedSpec feed, ResumeSpec resume) {
    this(when, reply, null, feed, resume, false);
  }

  public static Exchange reply(MessageMatch when, String... replies) {
    return new Exchange(when, java.util.Arrays.stream(replies).map(Reply::text).toList(), null, null, null,
        false);
  }

  public Exchange withFeed(FeedSpec value) {
    return new Exchange(when, reply, stop, value, resume, ready);
  }

  public Exchange withResume(ResumeSpec value) {
    return new Exchange(when, reply, stop, feed, value, ready);
  }

  public Exchange withStop(StopSpec value) {
    return new Exchange(when, reply, value, feed, resume, ready);
  }

  /** This step completes the protocol's handshake: the connection is ready once it has run. */
  public Exchange markingReady() {
    return new Exchange(when, reply, stop, feed, resume, true);
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
