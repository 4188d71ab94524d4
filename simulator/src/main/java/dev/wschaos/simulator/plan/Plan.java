package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.behaviour.EchoBehaviour;
import dev.wschaos.simulator.fleet.Limits;
import dev.wschaos.simulator.fleet.TimelineStep;
import java.util.ArrayList;
import java.util.List;

/**
 * What the simulator does: the healthy behaviour, how it checks upgrades, and the rules that inject faults. Plain
 * data: it can be loaded, validated and printed without a server.
 *
 * <pre>{@code
 * Plan plan = Plan.named("flaky")
 *     .withRule(Rule.of(Match.attempt(AttemptRange.exactly(1)), RejectFault.status(503)))
 *     .withRule(Rule.of(Match.ANY, Trigger.afterMessages(3), new CloseFault(1011, "boom")));
 * plan.requireValid("flaky");
 * }</pre>
 *
 * @param seed the seed of the random source that probabilities draw from; {@code null}: chosen at start and logged
 * @param limits capacity and accept-rate limits ({@code null}: none)
 * @param timeline fleet actions and temporary rules/limits at offsets from the plan's start
 */
@JsonPropertyOrder({"name", "description", "seed", "behaviour", "handshake", "limits", "rules", "timeline"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(String name, String description, Long seed, Behaviour behaviour, HandshakePolicy handshake,
                   List<Rule> rules, Limits limits,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TimelineStep> timeline) {

  @JsonCreator
  public Plan(
      @JsonProperty("name") String name,
      @JsonProperty("description") String description,
      @JsonProperty("seed") Long seed,
      @JsonProperty("behaviour") Behaviour behaviour,
      @JsonProperty("handshake") HandshakePolicy handshake,
      @JsonProperty("rules") List<Rule> rules,
      @JsonProperty("limits") Limits limits,
      @JsonProperty("timeline") List<TimelineStep> timeline) {
    this.name = name == null ? "unnamed" : name;
    this.description = description;
    this.seed = seed;
    this.behaviour = behaviour == null ? new EchoBehaviour() : behaviour;
    this.handshake = handshake == null ? HandshakePolicy.DEFAULT : handshake;
    this.rules = rules == null ? List.of() : List.copyOf(rules);
    this.limits = limits;
    this.timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }

  public Plan(String name, String description, Long seed, Behaviour behaviour, HandshakePolicy handshake,
              List<Rule> rules) {
    this(name, description, seed, behaviour, handshake, rules, null, null);
  }

  public Plan withLimits(Limits value) {
    return new Plan(name, description, seed, behaviour, handshake, rules, value, timeline);
  }

  public Plan withTimeline(List<TimelineStep> steps) {
    return new Plan(name, description, seed, behaviour, handshake, rules, limits, steps);
  }

  /** A healthy echo plan: strict handshake checks, no rules. */
  public static Plan healthy() {
    return named("healthy");
  }

  public static Plan named(String name) {
    return new Plan(name, null, null, null, null, null);
  }

  public Plan withDescription(String text) {
    return new Plan(name, text, seed, behaviour, handshake, rules, limits, timeline);
  }

  public Plan withSeed(Long newSeed) {
    return new Plan(name, description, newSeed, behaviour, handshake, rules, limits, timeline);
  }

  public Plan withBehaviour(Behaviour newBehaviour) {
    return new Plan(name, description, seed, newBehaviour, handshake, rules, limits, timeline);
  }

  public Plan withHandshake(HandshakePolicy policy) {
    return new Plan(name, description, seed, behaviour, policy, rules, limits, timeline);
  }

  public Plan withRules(List<Rule> newRules) {
    return new Plan(name, description, seed, behaviour, handshake, newRules, limits, timeline);
  }

  public Plan withRule(Rule rule) {
    List<Rule> next = new ArrayList<>(rules);
    next.add(rule);
    return withRules(next);
  }

  /** Every problem with this plan; empty when it is valid. */
  public List<PlanProblem> validate() {
    Problems problems = Problems.root();
    behaviour.validate(problems.at("behaviour"));
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (rule == null) {
        problems.at("rules").at(i).error("a rule cannot be empty");
      } else {
        rule.validate(problems.at("rules").at(i));
      }
    }
    if (limits != null) {
      limits.validate(problems.at("limits"));
    }
    for (int i = 0; i < timeline.size(); i++) {
      TimelineStep step = timeline.get(i);
      Problems at = problems.at("timeline").at(i);
      if (step == null) {
        at.error("a timeline step cannot be empty");
        continue;
      }
      step.validate(at);
      for (int r = 0; r < step.rules().size(); r++) {
        Rule rule = step.rules().get(r);
        if (rule == null) {
          at.at("rules").at(r).error("a rule cannot be empty");
        } else {
          rule.validate(at.at("rules").at(r));
        }
      }
    }
    return problems.list();
  }

  /** @throws InvalidPlanException listing every problem, when there is any */
  public Plan requireValid(String what) {
    List<PlanProblem> problems = validate();
    if (!problems.isEmpty()) {
      throw new InvalidPlanException(what, problems);
    }
    return this;
  }
}
