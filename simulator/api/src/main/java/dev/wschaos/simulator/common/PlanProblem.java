package dev.wschaos.simulator.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One thing wrong with a plan: the field it is about, what is wrong and what is allowed, and, when the plan came
 * from a file, where in that file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanProblem(@JsonIgnore FieldPath path, String message, SourceLocation location) {

  /** Where in a plan file a problem was found; line and column start at 1. */
  public record SourceLocation(String source, int line, int column) {
    @Override
    public String toString() {
      return source + ":" + line + ":" + column;
    }
  }

  @JsonProperty("field")
  public String field() {
    return path.toString();
  }

  public PlanProblem locatedAt(SourceLocation where) {
    return new PlanProblem(path, message, where);
  }

  @Override
  public String toString() {
    String prefix = location == null ? "" : location + ": ";
    return prefix + path + ": " + message;
  }
}
