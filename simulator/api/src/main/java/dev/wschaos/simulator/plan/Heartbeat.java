package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import java.time.Duration;

/**
 * The healthy server's own keep-alive: a ping every {@code interval}; a client that has not answered with a pong
 * within {@code timeout} of a ping is closed with 1001 Going Away ({@code onTimeout: close}) or dropped without a
 * close frame ({@code onTimeout: drop}), as production servers do. Off unless a plan sets it.
 *
 * <pre>{@code
 * heartbeat: {interval: 10s, timeout: 5s, onTimeout: close}
 * }</pre>
 */
public record Heartbeat(Duration interval, Duration timeout, OnTimeout onTimeout) {

  /** What the server does to a client that missed a pong. */
  public enum OnTimeout {
    @JsonProperty("close") CLOSE,
    @JsonProperty("drop") DROP
  }

  @JsonCreator
  public Heartbeat(
      @JsonProperty(value = "interval", required = true) Duration interval,
      @JsonProperty("timeout") Duration timeout,
      @JsonProperty("onTimeout") OnTimeout onTimeout) {
    this.interval = interval;
    this.timeout = timeout == null ? interval : timeout;
    this.onTimeout = onTimeout == null ? OnTimeout.CLOSE : onTimeout;
  }

  public static Heartbeat every(Duration interval, Duration timeout) {
    return new Heartbeat(interval, timeout, null);
  }

  void validate(Problems problems) {
    if (interval == null || interval.toMillis() < 10) {
      problems.at("interval").error("must be at least 10ms (e.g. 10s)");
    }
    if (timeout != null && timeout.toMillis() < 1) {
      problems.at("timeout").error("must be positive (e.g. 5s)");
    }
  }
}
