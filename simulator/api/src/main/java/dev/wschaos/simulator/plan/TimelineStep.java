package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fleet.FleetAction;
import dev.wschaos.simulator.fleet.Limits;
import java.time.Duration;
import java.util.List;

/**
 * One step of a plan's timeline: at {@code at} after the plan starts (and every {@code every} after that), either
 * run an {@code action} once, or put {@code rules} and/or {@code limits} in force for {@code for}. Temporary rules
 * go before the plan's own (they win); temporary limits replace the plan's.
 *
 * <pre>{@code
 * timeline:
 *   - name: restart
 *     at: 0s
 *     every: 60s
 *     action: {type: close, code: 1012, spread: 5s}
 *   - name: refuse-while-restarting
 *     at: 5s
 *     every: 60s
 *     for: 10s
 *     rules: [{fault: {type: reject, status: 503, headers: {Retry-After: "10"}}}]
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "at", "every", "for", "action", "rules", "limits"})
public record TimelineStep(String name, Duration at, Duration every, Duration duration, FleetAction action,
                           List<Rule> rules, Limits limits) {

  @JsonCreator
  public TimelineStep(
      @JsonProperty("name") String name,
      @JsonProperty("at") Duration at,
      @JsonProperty("every") Duration every,
      @JsonProperty("for") Duration duration,
      @JsonProperty("action") FleetAction action,
      @JsonProperty("rules") List<Rule> rules,
      @JsonProperty("limits") Limits limits) {
    this.name = name;
    this.at = at == null ? Duration.ZERO : at;
    this.every = every;
    this.duration = duration;
    this.action = action;
    this.rules = rules == null ? List.of() : List.copyOf(rules);
    this.limits = limits;
  }

  /** Jackson writes the duration as {@code for}. */
  @JsonProperty("for")
  public Duration duration() {
    return duration;
  }

  public static TimelineStep action(Duration at, FleetAction action) {
    return new TimelineStep(null, at, null, null, action, null, null);
  }

  public static TimelineStep rules(Duration at, Duration lasting, List<Rule> rules) {
    return new TimelineStep(null, at, null, lasting, null, rules, null);
  }

  public static TimelineStep limits(Duration at, Duration lasting, Limits limits) {
    return new TimelineStep(null, at, null, lasting, null, null, limits);
  }

  public TimelineStep every(Duration period) {
    return new TimelineStep(name, at, period, duration, action, rules, limits);
  }

  public TimelineStep named(String value) {
    return new TimelineStep(value, at, every, duration, action, rules, limits);
  }

  /** The name shown in the journal: the given name, else {@code timeline[i]}. */
  public String label(int index) {
    return name != null ? name : "timeline[" + index + "]";
  }

  @JsonIgnore
  public boolean isTemporary() {
    return !rules.isEmpty() || limits != null;
  }

  /** Rule problems are reported by the plan, which knows how to validate a rule. */
  public void validate(Problems problems) {
    if (at.isNegative()) {
      problems.at("at").error("cannot be negative");
    }
    boolean hasAction = action != null;
    boolean temporary = isTemporary();
    if (hasAction == temporary) {
      problems.error(hasAction ? "a step either runs an action or puts rules/limits in force for a while, not both"
          : "a step needs an action, or rules and/or limits with a 'for' duration");
    }
    if (hasAction) {
      action.validate(problems.at("action"));
      if (duration != null) {
        problems.at("for").error("an action happens at once and takes no 'for'; an outage has its own duration");
      }
    }
    if (temporary && (duration == null || duration.isZero() || duration.isNegative())) {
      problems.at("for").error("temporary rules or limits need how long they last, e.g. for: 10s");
    }
    if (limits != null) {
      limits.validate(problems.at("limits"));
    }
    if (every != null) {
      if (every.toMillis() < 100) {
        problems.at("every").error("must be at least 100ms");
      } else if (duration != null && duration.compareTo(every) >= 0) {
        problems.at("for").error("lasts " + DurationText.format(duration) + " but the step repeats every "
            + DurationText.format(every) + "; make 'for' shorter than 'every'");
      }
    }
  }
}
