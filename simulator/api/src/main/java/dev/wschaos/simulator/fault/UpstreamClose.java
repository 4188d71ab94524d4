package dev.wschaos.simulator.fault;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Proxy mode: what a proxied connection's upstream sees when a {@code close} fault closes the client side. Without
 * an upstream it changes nothing.
 *
 * <pre>{@code
 * fault: {type: close, code: 1012, reason: restart, upstream: same}   # the upstream gets 1012 "restart" too
 * fault: {type: close, code: 1001, upstream: keep}                     # the upstream is not told (see KEEP)
 * }</pre>
 */
public enum UpstreamClose {
  /** 1001 {@code wschaos: client side ended}, as if the client had navigated away (the default). */
  @JsonProperty("going-away") GOING_AWAY,
  /** The fault's own code and reason, as if the client had closed with them. */
  @JsonProperty("same") SAME,
  /**
   * Nothing: the upstream session stays open and its socket is no longer read (no messages, no pongs), as when a
   * client vanishes without a trace, until the upstream's own timeouts end it or wschaos stops.
   */
  @JsonProperty("keep") KEEP
}
