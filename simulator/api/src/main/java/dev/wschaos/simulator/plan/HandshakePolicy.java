package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import java.time.Duration;
import java.util.List;

/**
 * How the healthy server treats upgrade requests.
 *
 * @param strict       reject malformed upgrades as RFC 6455 requires and say why (default true)
 * @param allowedOrigins when not empty, an upgrade whose {@code Origin} is not listed is refused with 403; entries
 *                     are globs ({@code https://*.example.com}). Requests without Origin (non-browser clients) pass.
 * @param subprotocols subprotocols the server supports, in preference order; empty means "accept the first the
 *                     client offers"
 * @param timeout      time a client has from TCP accept to a complete request head, for connections accepted while
 *                     this plan is in force: {@code 0s} turns the handshake timeout off, {@code null} keeps the
 *                     server's ({@code --handshake-timeout}). Faults ({@code stall}, {@code slow-handshake}) act on
 *                     complete requests, so they are not cut short by it.
 *
 * <pre>{@code
 * handshake: {timeout: 0s}     # let half-sent requests wait forever, e.g. to test a client's own handshake timeout
 * }</pre>
 */
public record HandshakePolicy(boolean strict, List<String> allowedOrigins, List<String> subprotocols,
                              Duration timeout) {

  public static final HandshakePolicy DEFAULT = new HandshakePolicy(true, List.of(), List.of(), null);

  @JsonCreator
  public HandshakePolicy(
      @JsonProperty("strict") Boolean strict,
      @JsonProperty("allowedOrigins") List<String> allowedOrigins,
      @JsonProperty("subprotocols") List<String> subprotocols,
      @JsonProperty("timeout") Duration timeout) {
    this(strict == null || strict,
        allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins),
        subprotocols == null ? List.of() : List.copyOf(subprotocols), timeout);
  }

  public HandshakePolicy withStrict(boolean value) {
    return new HandshakePolicy(value, allowedOrigins, subprotocols, timeout);
  }

  public HandshakePolicy withAllowedOrigins(List<String> origins) {
    return new HandshakePolicy(strict, List.copyOf(origins), subprotocols, timeout);
  }

  /** This policy with the handshake timeout {@code value}: {@link Duration#ZERO} off, null the server's. */
  public HandshakePolicy withTimeout(Duration value) {
    return new HandshakePolicy(strict, allowedOrigins, subprotocols, value);
  }

  void validate(Problems problems) {
    if (timeout != null && timeout.isNegative()) {
      problems.at("timeout").error(timeout + " is negative: give 0s (no handshake timeout) or a positive duration"
          + " (e.g. 10s), or leave it out for the server's --handshake-timeout");
    }
  }
}
