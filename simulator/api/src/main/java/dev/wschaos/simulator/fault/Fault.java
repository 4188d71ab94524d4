package dev.wschaos.simulator.fault;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;

/**
 * A fault a rule injects. Plain data (bound from plan files by its {@code type} name) with
 * the behaviour written against {@link HandshakeExchange} or {@link LiveConnection}, never against Vert.x.
 *
 * <p>Adding a fault: one final class implementing {@link HandshakeFault} or {@link ConnectionFault}, named with
 * {@code @JsonTypeName("my-fault")}, and one line in the plan's fault registry ({@code plan.FaultTypes}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface Fault {

  /** The name plan files use for this fault, e.g. {@code close}. */
  default String type() {
    return typeName(getClass());
  }

  /** The {@code @JsonTypeName} of a fault class: the name plan files use for it. */
  static String typeName(Class<? extends Fault> type) {
    JsonTypeName name = type.getAnnotation(JsonTypeName.class);
    if (name == null) {
      throw new IllegalArgumentException(type.getName() + " has no @JsonTypeName: name it as plan files will");
    }
    return name.value();
  }

  /** Report every problem with this fault's settings; the default has none. */
  default void validate(Problems problems) {}
}
