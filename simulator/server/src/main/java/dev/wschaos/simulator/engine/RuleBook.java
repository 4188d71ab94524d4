package dev.wschaos.simulator.engine;

import dev.wschaos.simulator.behaviour.Behaviour;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.HandshakeFault;
import dev.wschaos.simulator.match.MatchSubject;
import dev.wschaos.simulator.plan.HandshakePolicy;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A validated plan ready to serve: its rules split by phase, and the seeded random source their probabilities draw
 * from. Immutable but for the random source; replaced whole when the plan changes, so every connection is decided
 * by exactly one plan.
 */
public final class RuleBook {

  private final Plan plan;
  private final long seed;
  private final Random random;
  private final List<Indexed> handshakeRules = new ArrayList<>();
  private final List<Indexed> connectionRules = new ArrayList<>();

  private record Indexed(int index, Rule rule) {}

  private RuleBook(Plan plan, long seed) {
    this.plan = plan;
    this.seed = seed;
    this.random = new Random(seed);
    List<Rule> rules = plan.rules();
    for (int i = 0; i < rules.size(); i++) {
      (rules.get(i).isHandshakeRule() ? handshakeRules : connectionRules).add(new Indexed(i, rules.get(i)));
    }
  }

  /** Compile a plan that has passed validation. */
  public static RuleBook compile(Plan plan, long seed) {
    return new RuleBook(plan, seed);
  }

  public Plan plan() {
    return plan;
  }

  public long seed() {
    return seed;
  }

  public Behaviour behaviour() {
    return plan.behaviour();
  }

  public HandshakePolicy handshakePolicy() {
    return plan.handshake();
  }

  /** Decide, once per upgrade, which handshake rule and which connection rule apply (first match wins in each). */
  public Decision decide(MatchSubject subject) {
    Indexed handshake = firstMatch(handshakeRules, subject);
    Indexed connection = firstMatch(connectionRules, subject);
    return new Decision(
        handshake == null ? null : new Applied<>(handshake.rule().label(handshake.index()),
            (HandshakeFault) handshake.rule().fault(), handshake.rule()),
        connection == null ? null : new Applied<>(connection.rule().label(connection.index()),
            (ConnectionFault) connection.rule().fault(), connection.rule()));
  }

  private Indexed firstMatch(List<Indexed> rules, MatchSubject subject) {
    for (Indexed candidate : rules) {
      if (candidate.rule().match().matches(subject) && drawn(candidate.rule())) {
        return candidate;
      }
    }
    return null;
  }

  private boolean drawn(Rule rule) {
    if (!rule.match().hasProbability()) {
      return true;
    }
    synchronized (random) {
      return random.nextDouble() < rule.match().probability();
    }
  }

  /** A seed for one connection's own random source, drawn from the plan's so that a run can be replayed. */
  public long nextConnectionSeed() {
    synchronized (random) {
      return random.nextLong();
    }
  }

  /** A rule chosen for a connection, with the name logs and reports show. */
  public record Applied<F>(String label, F fault, Rule rule) {}

  /** The rules that apply to one connection attempt; either may be null. */
  public record Decision(Applied<HandshakeFault> handshake, Applied<ConnectionFault> connection) {}
}
