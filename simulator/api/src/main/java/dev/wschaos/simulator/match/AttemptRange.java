package dev.wschaos.simulator.match;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.wschaos.simulator.common.Problems;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which connection attempts of a client a rule applies to, counted from 1 per client id: {@code 1} (the first only),
 * {@code "3+"} (the third and later), {@code "2-4"} (second to fourth).
 */
public final class AttemptRange {

  private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*(?:(\\+)|-\\s*(\\d+))?\\s*");

  private final String text;
  private final int from;
  private final int to;
  private final String error;

  private AttemptRange(String text, int from, int to, String error) {
    this.text = text;
    this.from = from;
    this.to = to;
    this.error = error;
  }

  public static AttemptRange exactly(int attempt) {
    return new AttemptRange(Integer.toString(attempt), attempt, attempt, attempt < 1 ? "attempts count from 1" : null);
  }

  public static AttemptRange atLeast(int attempt) {
    return new AttemptRange(attempt + "+", attempt, Integer.MAX_VALUE, attempt < 1 ? "attempts count from 1" : null);
  }

  public static AttemptRange between(int from, int to) {
    String error = from < 1 ? "attempts count from 1" : to < from ? "the range ends before it starts" : null;
    return new AttemptRange(from + "-" + to, from, to, error);
  }

  @JsonCreator
  public static AttemptRange parse(Object value) {
    if (value instanceof Number n) {
      return exactly(n.intValue());
    }
    String text = String.valueOf(value);
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return new AttemptRange(text, 0, 0, "'" + text + "' is not an attempt range: write 1, \"3+\" or \"2-4\"");
    }
    int from = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      return atLeast(from);
    }
    return m.group(3) == null ? exactly(from) : between(from, Integer.parseInt(m.group(3)));
  }

  public boolean contains(int attempt) {
    return attempt >= from && attempt <= to;
  }

  void validate(Problems problems) {
    if (error != null) {
      problems.error(error);
    }
  }

  @JsonValue
  public Object json() {
    return from == to && error == null ? (Object) from : text;
  }

  @Override
  public String toString() {
    return text;
  }
}
