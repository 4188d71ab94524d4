package dev.wschaos.simulator.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan was refused. {@link #problems()} lists every problem found, each with its field path and, for files, line
 * and column. Nothing that was running changed.
 */
public final class InvalidPlanException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<PlanProblem> problems;

  public InvalidPlanException(String what, List<PlanProblem> problems) {
    super(describe(what, problems));
    this.problems = List.copyOf(problems);
  }

  public List<PlanProblem> problems() {
    return problems;
  }

  private static String describe(String what, List<PlanProblem> problems) {
    String header = "invalid plan " + what + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ")";
    return problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n", header + ":\n", ""));
  }
}
