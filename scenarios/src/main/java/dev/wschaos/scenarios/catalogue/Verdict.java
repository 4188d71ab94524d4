package dev.wschaos.scenarios.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a chaos run: every SLO's {@link Slo.Result} and the fleet actions that failed. The run passes when
 * no SLO failed and every fleet action was taken; a skipped SLO (facts not available) is counted apart and does not
 * fail it, but is never reported as passed. A fleet action that failed fails the run with its error: the chaos the
 * SLOs judge did not happen as scripted.
 *
 * <pre>{@code
 * Verdict v = Verdict.judge(scenario.slos(), facts, List.of("close 1012 all: connection refused"));
 * v.passed();     // false
 * v.headline();   // "FAILED: 5 passed, 0 failed, 2 skipped; 1 fleet action failed"
 * }</pre>
 *
 * @param results per SLO name, in the scenario's order
 * @param actionErrors one line per failed fleet action: what it was and its error
 */
public record Verdict(Map<String, Slo.Result> results, List<String> actionErrors) {

  public Verdict {
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    actionErrors = List.copyOf(actionErrors);
  }

  /** Evaluate every SLO on {@code facts}; an SLO that throws fails with the exception as what was observed. */
  public static Verdict judge(List<Slo> slos, RunFacts facts, List<String> actionErrors) {
    Map<String, Slo.Result> results = new LinkedHashMap<>();
    for (Slo slo : slos) {
      Slo.Result result;
      try {
        result = slo.evaluate(facts);
      } catch (RuntimeException e) {
        result = Slo.Result.failed("check failed: " + e);
      }
      results.put(slo.name(), result);
    }
    return new Verdict(results, actionErrors);
  }

  /** No SLO failed and no fleet action failed. */
  public boolean passed() {
    return count(Slo.Outcome.FAIL) == 0 && actionErrors.isEmpty();
  }

  public long count(Slo.Outcome outcome) {
    return results.values().stream().filter(r -> r.outcome() == outcome).count();
  }

  /** One line: {@code PASSED: 5 passed, 0 failed, 2 skipped}, with the failed fleet actions when there are any. */
  public String headline() {
    StringBuilder line = new StringBuilder(passed() ? "PASSED" : "FAILED").append(": ")
        .append(count(Slo.Outcome.PASS)).append(" passed, ").append(count(Slo.Outcome.FAIL)).append(" failed, ")
        .append(count(Slo.Outcome.SKIPPED)).append(" skipped");
    if (!actionErrors.isEmpty()) {
      line.append("; ").append(actionErrors.size()).append(actionErrors.size() == 1 ? " fleet action" : " fleet actions")
          .append(" failed");
    }
    return line.toString();
  }

  /** Why the run failed, one reason a line (empty when it passed). */
  public List<String> failures() {
    List<String> out = new ArrayList<>();
    results.forEach((name, r) -> {
      if (r.failed()) {
        out.add("SLO " + name + ": " + r.observed());
      }
    });
    actionErrors.forEach(e -> out.add("fleet action failed: " + e));
    return out;
  }
}
