package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An inclusive range of close codes, written {@code "1008"} or {@code "4000-4099"}.
 *
 * <pre>{@code
 * CodeRange.parse("4000-4099").contains(4001)   // true
 * }</pre>
 */
public record CodeRange(int from, int to) {

  public CodeRange {
    if (from > to) {
      throw new IllegalArgumentException("close code range " + from + "-" + to + " is empty");
    }
  }

  public static CodeRange of(int code) {
    return new CodeRange(code, code);
  }

  @JsonCreator
  public static CodeRange parse(String text) {
    String t = text.trim();
    int dash = t.indexOf('-');
    try {
      return dash < 0 ? of(Integer.parseInt(t))
          : new CodeRange(Integer.parseInt(t.substring(0, dash).trim()), Integer.parseInt(t.substring(dash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a close code or a range like 4000-4099");
    }
  }

  public boolean contains(int code) {
    return code >= from && code <= to;
  }

  @JsonValue
  @Override
  public String toString() {
    return from == to ? Integer.toString(from) : from + "-" + to;
  }
}
