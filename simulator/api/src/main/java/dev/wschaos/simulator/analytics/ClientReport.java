package dev.wschaos.simulator.analytics;

import java.util.List;

/**
 * Everything analytics says about one client.
 *
 * @param client the client key
 * @param attempts how many upgrade requests it made
 * @param accepted how many were accepted
 * @param rejected how many were refused with a status
 * @param aborted how many got no usable answer
 * @param connectedAtEnd whether it had an open connection when the recording ended
 * @param backoff the classified backoff
 * @param findings the failed policy checks
 * @param timeline every attempt in order
 */
public record ClientReport(String client, int attempts, int accepted, int rejected, int aborted,
                           boolean connectedAtEnd, BackoffFit backoff, List<Finding> findings,
                           List<TimelineEntry> timeline) {

  public ClientReport {
    findings = List.copyOf(findings);
    timeline = List.copyOf(timeline);
  }

  /** Whether the check failed for this client. */
  public boolean has(Check check) {
    return findings.stream().anyMatch(f -> f.check() == check);
  }
}
