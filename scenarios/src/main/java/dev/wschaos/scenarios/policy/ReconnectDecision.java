package dev.wschaos.scenarios.policy;

/** What a {@link ReconnectPolicy} decides after a disconnect or a failed attempt: wait and retry, or give up. */
public sealed interface ReconnectDecision {

  /** Wait {@code delayMillis}, then make attempt {@code attempt}. */
  record Retry(int attempt, long delayMillis) implements ReconnectDecision {}

  /** Stop reconnecting; {@code reason} is a stable label for reports, e.g. {@code terminal-1008}. */
  record GiveUp(String reason) implements ReconnectDecision {}
}
