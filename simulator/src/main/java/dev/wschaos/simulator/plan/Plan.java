package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.behaviour.EchoBehaviour;
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
 * @param heartbeat the server's own pings and pong timeout; {@code null} (default): the server sends no pings
 * @param tls  what the plan's {@code wss://} port presents (see {@link TlsPolicy}); ignored without a TLS port
 */
@JsonPropertyOrder({"name", "description", "seed", "behaviour", "handshake", "heartbeat", "tls", "rules"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plan(String name, String description, Long seed, Behaviour behaviour, HandshakePolicy handshake,
                   List<Rule> rules, Heartbeat heartbeat, TlsPolicy tls) {

  @JsonCreator
  public Plan(
      @JsonProperty("name") String name,
      @JsonProperty("description") String description,
      @JsonProperty("seed") Long seed,
      @JsonProperty("behaviour") Behaviour behaviour,
      @JsonProperty("handshake") HandshakePolicy handshake,
      @JsonProperty("rules") List<Rule> rules,
      @JsonProperty("heartbeat") Heartbeat heartbeat,
      @JsonProperty("tls") TlsPolicy tls) {
    this.name = name == null ? "unnamed" : name;
    this.description = description;
    this.seed = seed;
    this.behaviour = behaviour == null ? new EchoBehaviour() : behaviour;
    this.handshake = handshake == null ? HandshakePolicy.DEFAULT : handshake;
    this.rules = rules == null ? List.of() : List.copyOf(rules);
    this.heartbeat = heartbeat;
    this.tls = tls == null ? TlsPolicy.DEFAULT : tls;
  }

  public Plan(String name, String description, Long seed, Behaviour behaviour, HandshakePolicy handshake,
              List<Rule> rules) {
    this(name, description, seed, behaviour, handshake, rules, null, null);
  }

  /** A healthy echo plan: strict handshake checks, no rules. */
  public static Plan healthy() {
    return named("healthy");
  }

  public static Plan named(String name) {
    return new Plan(name, null, null, null, null, null);
  }

  public Plan withDescription(String text) {
    return new Plan(name, text, seed, behaviour, handshake, rules, heartbeat, tls);
  }

  public Plan withSeed(Long newSeed) {
    return new Plan(name, description, newSeed, behaviour, handshake, rules, heartbeat, tls);
  }

  public Plan withBehaviour(Behaviour newBehaviour) {
    return new Plan(name, description, seed, newBehaviour, handshake, rules, heartbeat, tls);
  }

  public Plan withHandshake(HandshakePolicy policy) {
    return new Plan(name, description, seed, behaviour, policy, rules, heartbeat, tls);
  }

  public Plan withRules(List<Rule> newRules) {
    return new Plan(name, description, seed, behaviour, handshake, newRules, heartbeat, tls);
  }

  public Plan withHeartbeat(Heartbeat value) {
    return new Plan(name, description, seed, behaviour, handshake, rules, value, tls);
  }

  public Plan withTls(TlsPolicy policy) {
    return new Plan(name, description, seed, behaviour, handshake, rules, heartbeat, policy);
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
    if (heartbeat != null) {
      heartbeat.validate(problems.at("heartbeat"));
    }
    tls.validate(problems.at("tls"));
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (rule == null) {
        problems.at("rules").at(i).error("a rule cannot be empty");
      } else {
        rule.validate(problems.at("rules").at(i));
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
