package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.message.MessageMatch;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * When a connection fault strikes, once the connection is open. At most one of the fields is set; none means
 * "as soon as the connection opens".
 *
 * <pre>{@code
 * trigger: {afterMessages: 3}       # once the client's 3rd message has been handled
 * trigger: {after: 2s}              # 2 seconds after the connection opened
 * trigger: {onMessage: "^SUBSCRIBE"}  # when a client text message matches the regex (after handling it)
 * trigger: {when: {json: {type: subscribe}}}  # when a client message matches (see MessageMatch), after handling it
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Trigger {

  public static final Trigger ON_OPEN = new Trigger(null, null, null, null);

  private final Integer afterMessages;
  private final Duration after;
  private final String onMessage;
  private final Pattern onMessagePattern;
  private final String regexError;
  private final MessageMatch when;

  public Trigger(Integer afterMessages, Duration after, String onMessage) {
    this(afterMessages, after, onMessage, null);
  }

  @JsonCreator
  public Trigger(
      @JsonProperty("afterMessages") Integer afterMessages,
      @JsonProperty("after") Duration after,
      @JsonProperty("onMessage") String onMessage,
      @JsonProperty("when") MessageMatch when) {
    this.when = when;
    this.afterMessages = afterMessages;
    this.after = after;
    this.onMessage = onMessage;
    Pattern pattern = null;
    String error = null;
    if (onMessage != null) {
      try {
        pattern = Pattern.compile(onMessage);
      } catch (PatternSyntaxException e) {
        error = "'" + onMessage + "' is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex();
      }
    }
    this.onMessagePattern = pattern;
    this.regexError = error;
  }

  public static Trigger afterMessages(int count) {
    return new Trigger(count, null, null);
  }

  public static Trigger after(Duration delay) {
    return new Trigger(null, delay, null);
  }

  public static Trigger onMessage(String regex) {
    return new Trigger(null, null, regex);
  }

  @JsonProperty public Integer afterMessages() { return afterMessages; }
  @JsonProperty public Duration after() { return after; }
  @JsonProperty public String onMessage() { return onMessage; }
  @JsonProperty public MessageMatch when() { return when; }

  /** When a client message matching {@code match} has been handled. */
  public static Trigger when(MessageMatch match) {
    return new Trigger(null, null, null, match);
  }

  @JsonIgnore
  public boolean isOnOpen() {
    return afterMessages == null && after == null && onMessage == null && when == null;
  }

  @JsonIgnore
  public Pattern onMessagePattern() {
    return onMessagePattern;
  }

  void validate(Problems problems) {
    int set = (afterMessages != null ? 1 : 0) + (after != null ? 1 : 0) + (onMessage != null ? 1 : 0)
        + (when != null ? 1 : 0);
    if (set > 1) {
      problems.error("set at most one of afterMessages, after, onMessage, when (none means: on open)");
    }
    if (when != null) {
      when.validate(problems.at("when"));
    }
    if (afterMessages != null && afterMessages < 1) {
      problems.at("afterMessages").error(afterMessages + " is out of range: count from 1");
    }
    if (after != null && after.isNegative()) {
      problems.at("after").error("a delay cannot be negative");
    }
    if (regexError != null) {
      problems.at("onMessage").error(regexError);
    }
  }

  @Override
  public String toString() {
    if (afterMessages != null) {
      return "after " + afterMessages + " messages";
    }
    if (after != null) {
      return "after " + DurationText.format(after);
    }
    if (when != null) {
      return "when " + when;
    }
    return onMessage != null ? "on message /" + onMessage + "/" : "on open";
  }
}
