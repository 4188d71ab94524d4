package dev.wschaos.simulator.common;

import java.util.ArrayList;
import java.util.List;

/** Where a field sits in a plan: {@code rules[2].fault.code}. Immutable. */
public final class FieldPath {

  public static final FieldPath ROOT = new FieldPath(List.of());

  private final List<Object> segments;

  private FieldPath(List<Object> segments) {
    this.segments = segments;
  }

  public static FieldPath of(List<?> segments) {
    return new FieldPath(List.copyOf(segments));
  }

  public FieldPath field(String name) {
    return append(name);
  }

  public FieldPath index(int index) {
    return append(index);
  }

  public FieldPath parent() {
    return segments.isEmpty() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The JSON Pointer form, {@code /rules/2/fault/code}. */
  public String pointer() {
    StringBuilder out = new StringBuilder();
    for (Object segment : segments) {
      out.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  private FieldPath append(Object segment) {
    List<Object> next = new ArrayList<>(segments.size() + 1);
    next.addAll(segments);
    next.add(segment);
    return new FieldPath(List.copyOf(next));
  }

  @Override
  public String toString() {
    if (segments.isEmpty()) {
      return "(plan)";
    }
    StringBuilder out = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer) {
        out.append('[').append(segment).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(segment);
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldPath that && segments.equals(that.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
