package dev.wschaos.simulator.fault;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import dev.wschaos.simulator.plan.Problems;

/**
 * A fault a rule injects. Plain data (bound from plan files by its {@code type} name, see {@link FaultTypes}) with
 * the behaviour written against {@link HandshakeExchange} or {@link LiveConnection}, never against Vert.x.
 *
 * <p>Adding a fault: one final class implementing {@link HandshakeFault} or {@link ConnectionFault}, and one line in
 * {@link FaultTypes}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonTypeIdResolver(FaultTypeIds.class)
public interface Fault {

  /** The name plan files use for this fault, e.g. {@code close}. */
  default String type() {
    return FaultTypes.nameOf(getClass());
  }

  /** Report every problem with this fault's settings; the default has none. */
  default void validate(Problems problems) {}
}
