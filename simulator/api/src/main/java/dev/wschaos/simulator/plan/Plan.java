package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.behaviour.EchoBehaviour;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.conversation.ConversationFault;
import dev.wschaos.simulator.fleet.Limits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

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
 * @param seed      the seed of the random source that probabilities draw from; {@code null}: chosen at start and logged
 * @param heartbeat the server's own pings and pong timeout; {@code null} (default): the server sends no pings
 * @param tls       what the plan's {@code wss://} port presents (see {@link TlsPolicy}); ignored without a TLS port
 * @param limits    capacity and accept-rate limits ({@code null}: none)
 * @param timeline  fleet actions and temporary rules/limits at offsets from the plan's start
 * @param upstreams real services that matching upgrades are proxied to instead of the behaviour (first match wins;
 *                  see {@link Upstream} and docs/proxy.md)
 */
@JsonPropertyOrder({"name", "description", "seed", "behaviour", "upstreams", "handshake", "heartbeat", "tls", "limits",
    "rules", "timeline"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(String name, String description, Long seed, Behaviour behaviour, HandshakePolicy handshake,
                   Heartbeat heartbeat, TlsPolicy tls, Limits limits, List<Rule> rules,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TimelineStep> timeline,
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Upstream> upstreams) {

  @JsonCreator
  public Plan(
      @JsonProperty("name") String name,
      @JsonProperty("description") String description,
      @JsonProperty("seed") Long seed,
      @JsonProperty("behaviour") Behaviour behaviour,
      @JsonProperty("handshake") HandshakePolicy handshake,
      @JsonProperty("heartbeat") Heartbeat heartbeat,
      @JsonProperty("tls") TlsPolicy tls,
      @JsonProperty("limits") Limits limits,
      @JsonProperty("rules") List<Rule> rules,
      @JsonProperty("timeline") List<TimelineStep> timeline,
      @JsonProperty("upstreams") List<Upstream> upstreams) {
    this.name = name == null ? "unnamed" : name;
    this.description = description;
    this.seed = seed;
    this.behaviour = behaviour == null ? new EchoBehaviour() : behaviour;
    this.handshake = handshake == null ? HandshakePolicy.DEFAULT : handshake;
    this.heartbeat = heartbeat;
    this.tls = tls == null ? TlsPolicy.DEFAULT : tls;
    this.limits = limits;
    this.rules = rules == null ? List.of() : List.copyOf(rules);
    this.timeline = timeline == null ? List.of() : List.copyOf(timeline);
    this.upstreams = upstreams == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(upstreams));
  }

  /** A plan without upstreams. */
  public Plan(String name, String description, Long seed, Behaviour behaviour, HandshakePolicy handshake,
              Heartbeat heartbeat, TlsPolicy tls, Limits limits, List<Rule> rules, List<TimelineStep> timeline) {
    this(name, description, seed, behaviour, handshake, heartbeat, tls, limits, rules, timeline, null);
  }

  /** A plan with the common parts; heartbeat, TLS, limits and timeline left at their defaults. */
  public Plan(String name, String description, Long seed, Behaviour behaviour, HandshakePolicy handshake,
              List<Rule> rules) {
    this(name, description, seed, behaviour, handshake, null, null, null, rules, null);
  }

  /** A healthy echo plan: strict handshake checks, no rules. */
  public static Plan healthy() {
    return named("healthy");
  }

  public static Plan named(String name) {
    return new Plan(name, null, null, null, null, null);
  }

  public Plan withDescription(String text) {
    return new Plan(name, text, seed, behaviour, handshake, heartbeat, tls, limits, rules, timeline, upstreams);
  }

  public Plan withSeed(Long newSeed) {
    return new Plan(name, description, newSeed, behaviour, handshake,
        heartbeat, tls, limits, rules, timeline, upstreams);
  }

  public Plan withBehaviour(Behaviour newBehaviour) {
    return new Plan(name, description, seed, newBehaviour, handshake,
        heartbeat, tls, limits, rules, timeline, upstreams);
  }

  public Plan withHandshake(HandshakePolicy policy) {
    return new Plan(name, description, seed, behaviour, policy, heartbeat, tls, limits, rules, timeline, upstreams);
  }

  public Plan withHeartbeat(Heartbeat value) {
    return new Plan(name, description, seed, behaviour, handshake, value, tls, limits, rules, timeline, upstreams);
  }

  public Plan withTls(TlsPolicy policy) {
    return new Plan(name, description, seed, behaviour, handshake,
        heartbeat, policy, limits, rules, timeline, upstreams);
  }

  public Plan withLimits(Limits value) {
    return new Plan(name, description, seed, behaviour, handshake, heartbeat, tls, value, rules, timeline, upstreams);
  }

  public Plan withRules(List<Rule> newRules) {
    return new Plan(name, description, seed, behaviour, handshake,
        heartbeat, tls, limits, newRules, timeline, upstreams);
  }

  public Plan withRule(Rule rule) {
    List<Rule> next = new ArrayList<>(rules);
    next.add(rule);
    return withRules(next);
  }

  /** The first rule named {@code ruleName}. */
  public Optional<Rule> findRule(String ruleName) {
    return rules.stream().filter(r -> ruleName.equals(r.name())).findFirst();
  }

  /**
   * This plan with {@code rule} inserted at {@code position} (clamped to the list; the end when larger).
   *
   * @throws DuplicateRuleException when a rule already has that name
   */
  public Plan withRuleAdded(Rule rule, int position) {
    if (rule.name() != null && findRule(rule.name()).isPresent()) {
      throw new DuplicateRuleException(rule.name());
    }
    List<Rule> next = new ArrayList<>(rules);
    next.add(Math.max(0, Math.min(next.size(), position)), rule);
    return withRules(next);
  }

  /** This plan with {@code rule} in place of the first rule of the same name, or added at the end. */
  public Plan withRulePut(Rule rule) {
    List<Rule> next = new ArrayList<>(rules);
    for (int i = 0; i < next.size(); i++) {
      if (rule.name() != null && rule.name().equals(next.get(i).name())) {
        next.set(i, rule);
        return withRules(next);
      }
    }
    next.add(rule);
    return withRules(next);
  }

  /** This plan without the first rule named {@code ruleName} (the same plan when there is none). */
  public Plan withoutRule(String ruleName) {
    List<Rule> next = new ArrayList<>(rules);
    for (int i = 0; i < next.size(); i++) {
      if (ruleName.equals(next.get(i).name())) {
        next.remove(i);
        return withRules(next);
      }
    }
    return this;
  }

  /** {@code prefix} followed by the smallest number from {@code from} on that no rule's name uses. */
  public String freeRuleName(String prefix, int from) {
    for (int n = Math.max(1, from); ; n++) {
      String candidate = prefix + n;
      if (findRule(candidate).isEmpty()) {
        return candidate;
      }
    }
  }

  public Plan withTimeline(List<TimelineStep> steps) {
    return new Plan(name, description, seed, behaviour, handshake, heartbeat, tls, limits, rules, steps, upstreams);
  }

  public Plan withUpstreams(List<Upstream> value) {
    return new Plan(name, description, seed, behaviour, handshake, heartbeat, tls, limits, rules, timeline, value);
  }

  /** Proxy upgrades matching the upstream's path to it (after the upstreams already listed). */
  public Plan withUpstream(Upstream upstream) {
    List<Upstream> next = new ArrayList<>(upstreams);
    next.add(upstream);
    return withUpstreams(next);
  }

  /** The first upstream whose path glob matches {@code path}, or null: the behaviour serves that upgrade. */
  public Upstream upstreamFor(String path) {
    for (Upstream upstream : upstreams) {
      if (upstream.matches(path)) {
        return upstream;
      }
    }
    return null;
  }

  /** Every problem with this plan; empty when it is valid. */
  public List<PlanProblem> validate() {
    Problems problems = Problems.root();
    behaviour.validate(problems.at("behaviour"));
    handshake.validate(problems.at("handshake"));
    if (heartbeat != null) {
      heartbeat.validate(problems.at("heartbeat"));
    }
    tls.validate(problems.at("tls"));
    if (limits != null) {
      limits.validate(problems.at("limits"));
    }
    for (int i = 0; i < upstreams.size(); i++) {
      if (upstreams.get(i) == null) {
        problems.at("upstreams").at(i).error("an upstream cannot be empty: give at least its url");
      } else {
        upstreams.get(i).validate(problems.at("upstreams").at(i));
      }
    }
    validateRules(rules, problems.at("rules"));
    requireConversation(rules, problems.at("rules"));
    for (int i = 0; i < timeline.size(); i++) {
      TimelineStep step = timeline.get(i);
      Problems at = problems.at("timeline").at(i);
      if (step == null) {
        at.error("a timeline step cannot be empty");
        continue;
      }
      step.validate(at);
      validateRules(step.rules(), at.at("rules"));
      requireConversation(step.rules(), at.at("rules"));
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

  private void requireConversation(List<Rule> list, Problems at) {
    if (behaviour instanceof ConversationBehaviour) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) != null && list.get(i).fault() instanceof ConversationFault fault) {
        at.at(i).at("fault").error("'" + fault.type() + "' is a protocol fault: it acts on a conversation, and "
            + "this plan's behaviour is not one (set behaviour: {type: conversation, ...}, see docs/conversations.md)");
      }
    }
  }

  private static void validateRules(List<Rule> rules, Problems at) {
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (rule == null) {
        at.at(i).error("a rule cannot be empty");
      } else {
        rule.validate(at.at(i));
      }
    }
  }
}
