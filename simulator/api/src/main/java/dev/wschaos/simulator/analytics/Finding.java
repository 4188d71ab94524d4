package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A policy check that failed for one client, with the evidence. Occurrences of the same check for the same client
 * are one finding; the evidence fields describe the first occurrence.
 *
 * @param check which check
 * @param client the client key
 * @param attempts the attempt numbers involved (at most 20: the first ones)
 * @param occurrences how many times the check failed for this client
 * @param at wall clock time of the first offending attempt (or of the disconnect it never came back from)
 * @param code the close code involved, if any
 * @param status the HTTP status involved, if any
 * @param delayMillis the observed delay of the first occurrence, if a delay is involved
 * @param limitMillis the limit it broke (advised delay, minimum delay, recovery window), if any
 * @param message the first occurrence, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(Check check, String client, List<Integer> attempts, int occurrences, Instant at, Integer code,
                      Integer status, Long delayMillis, Long limitMillis, String message) {

  public Finding {
    attempts = List.copyOf(attempts);
  }
}
