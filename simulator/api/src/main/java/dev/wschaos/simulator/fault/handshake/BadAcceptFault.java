package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;
import java.time.Duration;
import java.util.Map;

/**
 * Answer {@code 101 Switching Protocols} with a wrong {@code Sec-WebSocket-Accept}: what a broken proxy or a
 * half-implemented server sends. Compliant clients must refuse the connection. {@code accept} sets the value sent
 * (default: a well-formed value computed for another key); an empty string leaves the header out.
 *
 * <pre>{@code
 * fault: {type: bad-accept}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeName("bad-accept")
public record BadAcceptFault(String accept) implements HandshakeFault {

  /** The accept value for the RFC 6455 sample key "dGhlIHNhbXBsZSBub25jZQ==", so never the right one for a client. */
  public static final String DEFAULT_WRONG_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

  private static final Duration LINGER = Duration.ofSeconds(10);

  @JsonCreator
  public BadAcceptFault(@JsonProperty("accept") String accept) {
    this.accept = accept;
  }

  /** A 101 with a wrong Sec-WebSocket-Accept (a fixed, well-formed but wrong value). */
  public static BadAcceptFault wrongAccept() {
    return new BadAcceptFault((String) null);
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    String value = accept == null ? DEFAULT_WRONG_ACCEPT : accept;
    exchange.switchProtocolsOnly(value.isEmpty() ? Map.of() : Map.of("Sec-WebSocket-Accept", value), LINGER);
  }
}
