package dev.wschaos.simulator.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.TimelineStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /ui/timeline}: the plan's timeline steps with when each fires, counted from the plan's start. A step
 * fires at {@code start + at}, then every {@code every}; a one-off step that has fired has no next time.
 *
 * <pre>{@code
 * {"plan":"rolling-restart","startedAt":"...","now":"...","steps":[{"label":"restart","what":"close all code=1012 ...",
 *   "at":"10s","every":"60s","fired":1,"nextAt":"...","nextInMillis":41000}]}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConsoleTimeline(String plan, Instant startedAt, Instant now, List<Step> steps) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Step(String label, String what, String at, String every, String lasting, long fired, Instant nextAt,
              Long nextInMillis) {
  }

  static ConsoleTimeline of(Plan plan, Instant startedAt, Instant now) {
    long elapsed = Math.max(0, Duration.between(startedAt, now).toMillis());
    List<Step> steps = new ArrayList<>();
    List<TimelineStep> timeline = plan.timeline();
    for (int i = 0; i < timeline.size(); i++) {
      TimelineStep step = timeline.get(i);
      long at = Math.max(1, step.at().toMillis());
      Long every = step.every() == null || step.every().isZero() ? null : step.every().toMillis();
      long fired;
      Long next;
      if (elapsed < at) {
        fired = 0;
        next = at;
      } else if (every == null) {
        fired = 1;
        next = null;
      } else {
        fired = (elapsed - at) / every + 1;
        next = at + fired * every;
      }
      steps.add(new Step(step.label(i), what(step), DurationText.format(step.at()), format(step.every()),
          format(step.duration()), fired, next == null ? null : startedAt.plusMillis(next),
          next == null ? null : next - elapsed));
    }
    return new ConsoleTimeline(plan.name(), startedAt, now, steps);
  }

  private static String what(TimelineStep step) {
    if (step.action() != null) {
      return step.action().describe();
    }
    List<String> parts = new ArrayList<>();
    if (!step.rules().isEmpty()) {
      parts.add(step.rules().size() + (step.rules().size() == 1 ? " rule: " : " rules: ")
          + step.rules().stream().map(ConsoleTimeline::rule).collect(Collectors.joining("; ")));
    }
    if (step.limits() != null) {
      parts.add("limits " + json(step.limits()));
    }
    return String.join(", ", parts);
  }

  private static String rule(Rule rule) {
    return json(rule.fault());
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static String format(Duration duration) {
    return duration == null ? null : DurationText.format(duration);
  }
}
