package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.wschaos.simulator.common.Problems;
import java.util.Locale;

/**
 * A token bucket on new handshakes, as a warming-up server has: {@code perSecond} tokens a second, at most
 * {@code burst} saved up. An upgrade without a token is refused with {@code status} (default 503, with Retry-After)
 * or, with {@code excess: queue}, held until its token comes (at most {@code maxQueue} waiting; beyond, refused).
 *
 * <pre>{@code
 * acceptRate: {perSecond: 20, burst: 5, excess: queue, maxQueue: 200}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcceptRate(double perSecond, int burst, Excess excess, int status, int maxQueue) {

  @JsonCreator
  public AcceptRate(
      @JsonProperty(value = "perSecond", required = true) double perSecond,
      @JsonProperty("burst") Integer burst,
      @JsonProperty("excess") Excess excess,
      @JsonProperty("status") Integer status,
      @JsonProperty("maxQueue") Integer maxQueue) {
    this(perSecond, burst == null ? Math.max(1, (int) Math.ceil(perSecond)) : burst,
        excess == null ? Excess.REJECT : excess, status == null ? 503 : status, maxQueue == null ? 1000 : maxQueue);
  }

  public static AcceptRate perSecond(double rate, Excess excess) {
    return new AcceptRate(rate, null, excess, null, null);
  }

  void validate(Problems problems) {
    if (!(perSecond > 0) || perSecond > 1_000_000) {
      problems.at("perSecond").error(perSecond + " is out of range: more than 0 and at most 1000000");
    }
    if (burst < 1) {
      problems.at("burst").error("must be at least 1");
    }
    if (status < 400 || status > 599) {
      problems.at("status").error(status + " is out of range: use a 4xx or 5xx status (503 or 429 usually)");
    }
    if (maxQueue < 0) {
      problems.at("maxQueue").error("cannot be negative");
    }
  }

  /** What happens to an upgrade that finds no token. */
  public enum Excess {
    REJECT, QUEUE;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Excess fromWire(String text) {
      for (Excess mode : values()) {
        if (mode.wireName().equals(text)) {
          return mode;
        }
      }
      throw new IllegalArgumentException("excess '" + text + "' is not known; allowed: reject, queue");
    }
  }
}
