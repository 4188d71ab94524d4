package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import dev.wschaos.simulator.common.Problems;

/**
 * Something done to the live fleet at once: from the admin API ({@code POST /actions}), the Java API
 * ({@code server.act(..)}) or a timeline step. Plain data, bound by its {@code type} (see {@link FleetActionTypes}),
 * that applies itself through the {@link LiveFleet} port.
 *
 * <pre>{@code
 * {type: close, code: 1012, reason: "rolling restart", share: 1.0, spread: 5s}
 * {type: drop, share: 0.2}
 * {type: reset, count: 10, match: {clientId: "mobile-*"}}
 * {type: half-open, share: 0.3, for: 2m}
 * {type: outage, duration: 15s}
 * }</pre>
 *
 * <p>Adding an action: one class implementing this interface (or {@link StrikeAction}, for a connection fault on
 * selected connections) and one line in {@link FleetActionTypes}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonTypeIdResolver(FleetActionTypes.TypeIds.class)
public interface FleetAction {

  /** The name plan files use for this action, e.g. {@code close}. */
  default String type() {
    return FleetActionTypes.nameOf(getClass());
  }

  /** Report every problem with this action's settings. */
  void validate(Problems problems);

  /** One line for logs and the journal, e.g. {@code close 1012 share=1.0 spread=5s}. */
  String describe();

  /** Do it, through {@code fleet}; called once the action is valid. Returns how many open connections it took. */
  int applyTo(LiveFleet fleet);
}
