package dev.wschaos.scenarios.sweep;

import dev.wschaos.scenarios.policy.ReconnectPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies of a sweep from one text: comma-separated policies (presets or short forms, see
 * {@link ReconnectPolicy#parse}), a policy's own options ({@code maxAttempts=N}, {@code giveUpAfter=D},
 * {@code ignoreAdvice}) staying with it, and ranges in braces, {@code |}-separated, expanded into one policy each.
 *
 * <pre>{@code
 * PolicyList.parse("immediate,full-jitter,socketio,maxAttempts=10");             // 3 policies
 * PolicyList.parse("fixed:{0ms|1s|5s},exponential:{100ms|2s}:2:30s:full");      // 5 policies
 * }</pre>
 */
public final class PolicyList {

  private PolicyList() {}

  /** Label (the text that named it) to policy, in the order given. */
  public static Map<String, ReconnectPolicy> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("-Dpolicies is empty: give e.g. immediate,full-jitter,socketio");
    }
    List<String> named = new ArrayList<>();
    for (String token : text.split(",")) {
      String t = token.trim();
      if (t.isEmpty()) {
        continue;
      }
      boolean option = t.contains("=") || t.equals("ignoreAdvice");
      if (option && !named.isEmpty()) {
        named.set(named.size() - 1, named.get(named.size() - 1) + "," + t);
      } else {
        named.add(t);
      }
    }
    Map<String, ReconnectPolicy> out = new LinkedHashMap<>();
    for (String n : named) {
      for (String label : expand(n)) {
        if (out.put(label, ReconnectPolicy.parse(label)) != null) {
          throw new IllegalArgumentException("policy '" + label + "' is listed twice in -Dpolicies=" + text);
        }
      }
    }
    return out;
  }

  static List<String> expand(String text) {
    int open = text.indexOf('{');
    if (open < 0) {
      return List.of(text);
    }
    int close = text.indexOf('}', open);
    if (close < 0) {
      throw new IllegalArgumentException("policy range '" + text + "' has '{' without '}'");
    }
    List<String> out = new ArrayList<>();
    for (String value : text.substring(open + 1, close).split("\\|")) {
      out.addAll(expand(text.substring(0, open) + value.trim() + text.substring(close + 1)));
    }
    return out;
  }
}
