package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How the healthy server treats upgrade requests.
 *
 * @param strict       reject malformed upgrades as RFC 6455 requires and say why (default true)
 * @param allowedOrigins when not empty, an upgrade whose {@code Origin} is not listed is refused with 403; entries
 *                     are globs ({@code https://*.example.com}). Requests without Origin (non-browser clients) pass.
 * @param subprotocols subprotocols the server supports, in preference order; empty means "accept the first the
 *                     client offers"
 */
public record HandshakePolicy(boolean strict, List<String> allowedOrigins, List<String> subprotocols) {

  public static final HandshakePolicy DEFAULT = new HandshakePolicy(true, List.of(), List.of());

  @JsonCreator
  public HandshakePolicy(
      @JsonProperty("strict") Boolean strict,
      @JsonProperty("allowedOrigins") List<String> allowedOrigins,
      @JsonProperty("subprotocols") List<String> subprotocols) {
    this(strict == null || strict,
        allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins),
        subprotocols == null ? List.of() : List.copyOf(subprotocols));
  }

  public HandshakePolicy withStrict(boolean value) {
    return new HandshakePolicy(value, allowedOrigins, subprotocols);
  }

  public HandshakePolicy withAllowedOrigins(List<String> origins) {
    return new HandshakePolicy(strict, List.copyOf(origins), subprotocols);
  }
}
