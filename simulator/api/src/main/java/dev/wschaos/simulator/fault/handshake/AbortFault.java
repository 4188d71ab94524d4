package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;

/**
 * Close TCP as soon as the upgrade request arrives, without any HTTP response: a crashed or overloaded server, a
 * proxy that gives up. {@code reset: true} closes with a RST instead of a FIN.
 *
 * <pre>{@code
 * fault: {type: abort, reset: true}
 * }</pre>
 */
@JsonTypeName("abort")
public record AbortFault(boolean reset) implements HandshakeFault {

  @JsonCreator
  public AbortFault(@JsonProperty("reset") Boolean reset) {
    this(reset != null && reset);
  }

  /** Close TCP without any response, with a FIN. */
  public static AbortFault fin() {
    return new AbortFault(false);
  }

  /** Close TCP without any response, with a RST. */
  public static AbortFault withReset() {
    return new AbortFault(true);
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    exchange.closeTcp(reset);
  }
}
