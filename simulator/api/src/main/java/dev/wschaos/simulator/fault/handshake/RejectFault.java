package dev.wschaos.simulator.fault.handshake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.HandshakeFault;
import java.time.Duration;
import java.util.Map;

/**
 * Refuse the upgrade with an HTTP status, optional headers and body, optionally after a delay.
 *
 * <pre>{@code
 * fault: {type: reject, status: 503, headers: {Retry-After: "5"}, body: "deploy in progress", delay: 200ms}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonTypeName("reject")
public record RejectFault(int status, Map<String, String> headers, String body, Duration delay) implements HandshakeFault {

  @JsonCreator
  public RejectFault(
      @JsonProperty(value = "status", required = true) int status,
      @JsonProperty("headers") Map<String, String> headers,
      @JsonProperty("body") String body,
      @JsonProperty("delay") Duration delay) {
    this.status = status;
    this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    this.body = body;
    this.delay = delay;
  }

  public static RejectFault status(int status) {
    return new RejectFault(status, null, null, null);
  }

  @Override
  public void apply(HandshakeExchange exchange) {
    if (delay == null || delay.isZero()) {
      exchange.reject(status, headers, body);
    } else {
      exchange.after(delay, () -> exchange.reject(status, headers, body));
    }
  }

  @Override
  public void validate(Problems problems) {
    if (status < 300 || status > 599) {
      problems.at("status").error(status + " is out of range: use a 4xx or 5xx status (3xx with a Location header "
          + "for a redirect); 101 is what a healthy server answers");
    }
    if (delay != null && delay.isNegative()) {
      problems.at("delay").error("a delay cannot be negative");
    }
  }
}
