package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.message.MessageTemplate;
import dev.wschaos.simulator.message.TemplateVariables;

/**
 * Stop sending a feed on this connection (an unsubscribe, a completed operation): {@code feed} is a template over
 * the message naming the key. The client's stream keeps numbering, so subscribing again later shows the gap; a key
 * not live on the connection stops nothing.
 *
 * <pre>{@code
 * stop: {feed: "{{message.id}}"}
 * }</pre>
 */
public record StopSpec(MessageTemplate feed) {

  @JsonCreator
  public StopSpec(@JsonProperty("feed") MessageTemplate feed) {
    this.feed = feed == null ? MessageTemplate.of("default") : feed;
  }

  public static StopSpec of(String feed) {
    return new StopSpec(MessageTemplate.of(feed));
  }

  public void validate(Problems problems) {
    feed.validate(problems.at("feed"), TemplateVariables.MESSAGE);
  }
}
