package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A feed a conversation started or resumed on one attempt, from the journal's {@code feed-started} and
 * {@code feed-resumed} events.
 *
 * <pre>{@code
 * {"feed":"room-1","resumed":true,"afterSeq":41}      // the client resumed after seq 41
 * {"feed":"room-1","resumed":false,"afterSeq":57,"resumable":true}   // started afresh, 57 events skipped
 * }</pre>
 *
 * @param feed the feed key
 * @param nanos monotonic time it happened
 * @param resumed true for a resume, false for a fresh start
 * @param afterSeq a resume: the sequence number the client resumed after; a fresh start: how many events the
 *     client's stream of that feed had produced already (0 for a new feed)
 * @param resumable a fresh start: whether the conversation offered a resume step instead
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record FeedUse(String feed, @JsonInclude(JsonInclude.Include.NON_NULL) Long nanos, boolean resumed,
                      long afterSeq, boolean resumable) {}
