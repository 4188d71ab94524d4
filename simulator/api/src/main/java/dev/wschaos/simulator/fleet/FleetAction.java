package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.wschaos.simulator.common.Problems;

/**
 * Something done to the live fleet at once: from the admin API ({@code POST /actions}), the Java API
 * ({@code server.act(..)}) or a timeline step. Plain data, bound by its {@code type}.
 *
 * <pre>{@code
 * {type: close, code: 1012, reason: "rolling restart", share: 1.0, spread: 5s}
 * {type: drop, share: 0.2}
 * {type: reset, count: 10, match: {clientId: "mobile-*"}}
 * {type: half-open, share: 0.3, for: 2m}
 * {type: outage, duration: 15s}
 * }</pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CloseAction.class, name = "close"),
    @JsonSubTypes.Type(value = DropAction.class, name = "drop"),
    @JsonSubTypes.Type(value = ResetAction.class, name = "reset"),
    @JsonSubTypes.Type(value = HalfOpenAction.class, name = "half-open"),
    @JsonSubTypes.Type(value = OutageAction.class, name = "outage")
})
public interface FleetAction {

  /** Report every problem with this action's settings. */
  void validate(Problems problems);

  /** One line for logs and the journal, e.g. {@code close 1012 share=1.0 spread=5s}. */
  String describe();
}
