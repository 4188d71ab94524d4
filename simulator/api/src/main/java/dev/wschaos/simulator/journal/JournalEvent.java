package dev.wschaos.simulator.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/**
 * One journal entry. Fields that do not apply to the event's type are null (and left out of JSON).
 *
 * <pre>{@code
 * {"seq":42,"nanos":1834000123,"time":"2026-11-21T10:15:30.123Z","type":"closed","connectionId":17,
 *  "clientId":"c1","attempt":2,"code":1012,"initiator":"server","durationMs":2003,"messagesIn":5,"messagesOut":5}
 * }</pre>
 *
 * @param seq          position in the journal, from 1, strictly increasing
 * @param nanos        monotonic time since the server started (System.nanoTime based): use it for delays
 * @param time         wall clock time
 * @param connectionId the id of the upgrade attempt (the same id follows it from upgrade to closed); null for fleet
 *                     events
 * @param initiator    {@code server}, {@code client} or {@code upstream} (proxy mode): who ended or started closing the
 *                     connection
 * @param rule         the rule (or fleet action / timeline step) that caused the event
 * @param fault        the fault type, e.g. {@code close}, {@code reject}, {@code capacity}
 * @param detail       free text: rejection reasons, an action's description
 * @param feed         the feed key of a {@code feed-started} or {@code feed-resumed} event
 * @param afterSeq     {@code feed-resumed}: the sequence number the client resumed after; {@code feed-started}: how
 *                     many events the client's stream of that feed had produced already (0 for a new feed), which a
 *                     fresh start skips
 * @param resumable    {@code feed-started}: whether the conversation offered a resume step the client could have used
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"seq", "nanos", "time", "type", "connectionId", "clientId", "attempt", "path", "remote", "status",
    "code", "reason", "initiator", "rule", "fault", "headers", "durationMs", "messagesIn", "messagesOut", "detail", "feed", "afterSeq", "resumable"})
public record JournalEvent(long seq, long nanos, Instant time, EventType type, Long connectionId, String clientId,
                           Integer attempt, String path, String remote, Integer status, Integer code, String reason,
                           String initiator, String rule, String fault, Map<String, String> headers,
                           Long durationMs, Long messagesIn, Long messagesOut, String detail, String feed,
                           Long afterSeq, Boolean resumable) {

  public static final String SERVER = "server";
  public static final String CLIENT = "client";
  /** A proxied connection's upstream service (proxy mode), which the client sees as its server. */
  public static final String UPSTREAM = "upstream";

  @JsonCreator
  public JournalEvent(
      @JsonProperty("seq") long seq,
      @JsonProperty("nanos") long nanos,
      @JsonProperty("time") Instant time,
      @JsonProperty("type") EventType type,
      @JsonProperty("connectionId") Long connectionId,
      @JsonProperty("clientId") String clientId,
      @JsonProperty("attempt") Integer attempt,
      @JsonProperty("path") String path,
      @JsonProperty("remote") String remote,
      @JsonProperty("status") Integer status,
      @JsonProperty("code") Integer code,
      @JsonProperty("reason") String reason,
      @JsonProperty("initiator") String initiator,
      @JsonProperty("rule") String rule,
      @JsonProperty("fault") String fault,
      @JsonProperty("headers") Map<String, String> headers,
      @JsonProperty("durationMs") Long durationMs,
      @JsonProperty("messagesIn") Long messagesIn,
      @JsonProperty("messagesOut") Long messagesOut,
      @JsonProperty("detail") String detail,
      @JsonProperty("feed") String feed,
      @JsonProperty("afterSeq") Long afterSeq,
      @JsonProperty("resumable") Boolean resumable) {
    this.seq = seq;
    this.nanos = nanos;
    this.time = time;
    this.type = type;
    this.connectionId = connectionId;
    this.clientId = clientId;
    this.attempt = attempt;
    this.path = path;
    this.remote = remote;
    this.status = status;
    this.code = code;
    this.reason = reason;
    this.initiator = initiator;
    this.rule = rule;
    this.fault = fault;
    this.headers = headers == null || headers.isEmpty() ? null : Map.copyOf(headers);
    this.durationMs = durationMs;
    this.messagesIn = messagesIn;
    this.messagesOut = messagesOut;
    this.detail = detail;
    this.feed = feed;
    this.afterSeq = afterSeq;
    this.resumable = resumable;
  }

  /** An event without protocol milestone fields, as before those existed. */
  public JournalEvent(long seq, long nanos, Instant time, EventType type, Long connectionId, String clientId,
                      Integer attempt, String path, String remote, Integer status, Integer code, String reason,
                      String initiator, String rule, String fault, Map<String, String> headers, Long durationMs,
                      Long messagesIn, Long messagesOut, String detail) {
    this(seq, nanos, time, type, connectionId, clientId, attempt, path, remote, status, code, reason, initiator, rule,
        fault, headers, durationMs, messagesIn, messagesOut, detail, null, null, null);
  }

  /** A fresh event about connection {@code connectionId}; {@link Builder} sets the rest. */
  public static Builder of(EventType type, long connectionId, String clientId) {
    return new Builder(type, connectionId, clientId);
  }

  /**
   * A fresh event about connection {@code connectionId}, boxed once by the caller so that the events of one
   * connection share it (null for an event about no connection).
   */
  public static Builder of(EventType type, Long connectionId, String clientId) {
    return new Builder(type, connectionId, clientId);
  }

  /** A fleet event (no connection). */
  public static Builder fleet(String rule, String detail) {
    Builder b = new Builder(EventType.FLEET_ACTION, null, null);
    b.rule = rule;
    b.detail = detail;
    return b;
  }

  JournalEvent numbered(long number, long sinceStartNanos) {
    return new JournalEvent(number, sinceStartNanos, time, type, connectionId, clientId, attempt, path, remote, status,
        code, reason, initiator, rule, fault, headers, durationMs, messagesIn, messagesOut, detail, feed, afterSeq,
        resumable);
  }

  /** Builds one event; the journal numbers it. Times are taken when {@link #build()} is called. */
  public static final class Builder {
    private static final Integer[] CLOSE_CODES = new Integer[16];

    static {
      for (int i = 0; i < CLOSE_CODES.length; i++) {
        CLOSE_CODES[i] = 1000 + i;
      }
    }

    private EventType type;
    private Long connectionId;
    private String clientId;
    private Integer attempt;
    private String path;
    private String remote;
    private Integer status;
    private Integer code;
    private String reason;
    private String initiator;
    private String rule;
    private String fault;
    private Map<String, String> headers;
    private Long durationMs;
    private Long messagesIn;
    private Long messagesOut;
    private String detail;
    private String feed;
    private Long afterSeq;
    private Boolean resumable;

    private Builder(EventType type, Long connectionId, String clientId) {
      this.type = type;
      this.connectionId = connectionId;
      this.clientId = clientId;
    }

    /** An empty builder that {@link #reset} prepares for each event (the hub's one reused builder). */
    Builder() {}

    /** Forget the previous event's fields: the builder starts a new event. */
    Builder reset(EventType type, Long connectionId, String clientId) {
      this.type = type;
      this.connectionId = connectionId;
      this.clientId = clientId;
      attempt = null;
      path = null;
      remote = null;
      status = null;
      code = null;
      reason = null;
      initiator = null;
      rule = null;
      fault = null;
      headers = null;
      durationMs = null;
      messagesIn = null;
      messagesOut = null;
      detail = null;
      feed = null;
      afterSeq = null;
      resumable = null;
      return this;
    }

    public Builder attempt(int value) { this.attempt = value; return this; }
    public Builder path(String value) { this.path = value; return this; }
    public Builder remote(String value) { this.remote = value; return this; }
    public Builder status(int value) { this.status = value; return this; }
    public Builder code(Integer value) { this.code = value; return this; }
    /** The close code or status, boxed without allocating for the standard codes 1000-1015. */
    public Builder code(int value) {
      this.code = value >= 1000 && value < 1000 + CLOSE_CODES.length ? CLOSE_CODES[value - 1000]
          : Integer.valueOf(value); // both arms Integer: an int arm would unbox the cached one and box it anew
      return this;
    }
    public Builder reason(String value) { this.reason = value; return this; }
    public Builder initiator(String value) { this.initiator = value; return this; }
    public Builder rule(String value) { this.rule = value; return this; }
    public Builder fault(String value) { this.fault = value; return this; }
    public Builder headers(Map<String, String> value) { this.headers = value; return this; }
    public Builder durationMs(long value) { this.durationMs = value; return this; }
    public Builder messages(long in, long out) { this.messagesIn = in; this.messagesOut = out; return this; }
    public Builder detail(String value) { this.detail = value; return this; }
    public Builder feed(String value) { this.feed = value; return this; }
    public Builder afterSeq(long value) { this.afterSeq = value; return this; }
    public Builder resumable(boolean value) { this.resumable = value; return this; }

    public JournalEvent build() {
      return build(0, 0);
    }

    JournalEvent build(long seq, long startNanos) {
      return new JournalEvent(seq, System.nanoTime() - startNanos, Instant.now(), type, connectionId, clientId,
          attempt, path, remote, status, code, reason, initiator, rule, fault, headers, durationMs, messagesIn,
          messagesOut, detail, feed, afterSeq, resumable);
    }
  }
}
