package dev.wschaos.simulator.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems while walking a plan, each tied to the path of the field it is about.
 *
 * <pre>{@code
 * Problems problems = Problems.root();
 * problems.at("rules").at(0).at("fault").at("code").error("1006 is never sent on the wire");
 * problems.list(); // [rules[0].fault.code: 1006 is never sent on the wire]
 * }</pre>
 */
public final class Problems {

  private final List<PlanProblem> sink;
  private final FieldPath path;

  private Problems(List<PlanProblem> sink, FieldPath path) {
    this.sink = sink;
    this.path = path;
  }

  public static Problems root() {
    return new Problems(new ArrayList<>(), FieldPath.ROOT);
  }

  public Problems at(String field) {
    return new Problems(sink, path.field(field));
  }

  public Problems at(int index) {
    return new Problems(sink, path.index(index));
  }

  public void error(String message) {
    sink.add(new PlanProblem(path, message, null));
  }

  public List<PlanProblem> list() {
    return List.copyOf(sink);
  }

  public boolean isEmpty() {
    return sink.isEmpty();
  }
}
