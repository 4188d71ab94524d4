package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.fault.HandshakeFault;
import dev.wschaos.simulator.match.Match;
import java.util.List;

/**
 * A fault, the connections it applies to and, for connection faults, when it strikes.
 *
 * <pre>{@code
 * - name: second-attempt-breaks
 *   match: {attempt: 2}
 *   trigger: {afterMessages: 3}
 *   fault: {type: close, code: 1011, reason: "internal error"}
 * }</pre>
 *
 * <p>A rule whose fault is a {@link HandshakeFault} is decided at the upgrade request; one whose fault is a
 * {@link ConnectionFault} is armed when the connection opens. In each phase the first matching rule wins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(String name, Match match, Trigger trigger, Fault fault) {

  @JsonCreator
  public Rule(
      @JsonProperty("name") String name,
      @JsonProperty("match") Match match,
      @JsonProperty("trigger") Trigger trigger,
      @JsonProperty(value = "fault", required = true) Fault fault) {
    this.name = name;
    this.match = match == null ? Match.ANY : match;
    this.trigger = trigger;
    this.fault = fault;
  }

  public static Rule of(Match match, Fault fault) {
    return new Rule(null, match, null, fault);
  }

  public static Rule of(Match match, Trigger trigger, Fault fault) {
    return new Rule(null, match, trigger, fault);
  }

  public Rule named(String newName) {
    return new Rule(newName, match, trigger, fault);
  }

  /** This rule with another fault, same name, match and trigger. */
  public Rule withFault(Fault newFault) {
    return new Rule(name, match, trigger, newFault);
  }

  /** Every problem with this rule alone, fields relative to the rule ({@code fault.code}); empty when valid. */
  public List<PlanProblem> validate() {
    Problems problems = Problems.root();
    validate(problems);
    if (name != null && name.isBlank()) {
      problems.at("name").error("a rule name cannot be blank; leave it out to have one generated");
    }
    return problems.list();
  }

  @JsonIgnore
  public Trigger effectiveTrigger() {
    return trigger == null ? Trigger.ON_OPEN : trigger;
  }

  @JsonIgnore
  public boolean isHandshakeRule() {
    return fault instanceof HandshakeFault;
  }

  /** The name to show in logs and reports: the given name, else the fault type and index. */
  public String label(int index) {
    return name != null ? name : "rules[" + index + "] " + fault.type();
  }

  void validate(Problems problems) {
    match.validate(problems.at("match"));
    if (fault == null) {
      problems.at("fault").error("a rule needs a fault");
      return;
    }
    fault.validate(problems.at("fault"));
    if (trigger != null) {
      if (fault instanceof HandshakeFault) {
        problems.at("trigger").error("'" + fault.type() + "' is a handshake fault: it happens at the upgrade request "
            + "and takes no trigger (triggers are for connection faults such as close, drop, reset)");
      } else {
        trigger.validate(problems.at("trigger"));
      }
    }
  }
}
