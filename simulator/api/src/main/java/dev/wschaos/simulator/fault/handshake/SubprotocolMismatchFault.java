package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;

/**
 * Accept the upgrade but get the subprotocol wrong: {@code mode: unexpected} (default) announces {@code protocol},
 * which the client did not offer; {@code mode: missing} announces none although the client offered some.
 *
 * <pre>{@code
 * fault: {type: subprotocol-mismatch, mode: unexpected, protocol: v2.chat}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("subprotocol-mismatch")
public record SubprotocolMismatchFault(Mode mode, String protocol) implements HandshakeFault {

  public static final String DEFAULT_PROTOCOL = "wschaos.unexpected";

  /** What the server announces. */
  public enum Mode {
    @JsonProperty("unexpected") UNEXPECTED,
    @JsonProperty("missing") MISSING
  }

  @JsonCreator
  public SubprotocolMismatchFault(@JsonProperty("mode") Mode mode, @JsonProperty("protocol") String protocol) {
    this.mode = mode == null ? Mode.UNEXPECTED : mode;
    this.protocol = protocol;
  }

  /** Announce {@value #DEFAULT_PROTOCOL}, a subprotocol the client did not offer. */
  public static SubprotocolMismatchFault unexpected() {
    return new SubprotocolMismatchFault(Mode.UNEXPECTED, null);
  }

  /** Announce {@code protocol}, which the client did not offer. */
  public static SubprotocolMismatchFault unexpected(String protocol) {
    return new SubprotocolMismatchFault(Mode.UNEXPECTED, protocol);
  }

  /** Announce no subprotocol although the client offered some. */
  public static SubprotocolMismatchFault missing() {
    return new SubprotocolMismatchFault(Mode.MISSING, null);
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    if (mode == Mode.MISSING) {
      exchange.acceptWithSubprotocol(null);
      return;
    }
    String announced = protocol == null ? DEFAULT_PROTOCOL : protocol;
    if (exchange.request().offeredSubprotocols().contains(announced)) {
      announced = announced + ".not-offered";
    }
    exchange.acceptWithSubprotocol(announced);
  }

  @Override
  public void validate(Problems problems) {
    if (mode == Mode.MISSING && protocol != null) {
      problems.at("protocol").error("mode 'missing' announces no subprotocol; leave protocol out or use mode 'unexpected'");
    }
    if (protocol != null && !protocol.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      problems.at("protocol").error("'" + protocol + "' is not a valid subprotocol token (RFC 6455 4.1: an HTTP token)");
    }
  }
}
