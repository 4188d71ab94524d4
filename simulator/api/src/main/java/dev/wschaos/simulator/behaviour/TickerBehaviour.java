package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.Cancellable;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.json.Json;
import java.time.Duration;

/**
 * Push {@code {"type":"tick","seq":N,"ts":MILLIS}} every {@code interval}. Each client has one stream whose sequence
 * keeps advancing while it is away, so a client that reconnects sees a gap unless it resumes: connecting with
 * {@code ?lastSeq=N} (the parameter name is {@code resumeParam}) replays the ticks after N it missed, at most
 * {@code maxReplay} of them, before the live ones. Echoes nothing.
 *
 * <pre>{@code
 * behaviour: {type: ticker, interval: 100ms, resumeParam: lastSeq, maxReplay: 1000}
 * }</pre>
 */
public record TickerBehaviour(Duration interval, String resumeParam, int maxReplay) implements Behaviour {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  @JsonCreator
  public TickerBehaviour(
      @JsonProperty("interval") Duration interval,
      @JsonProperty("resumeParam") String resumeParam,
      @JsonProperty("maxReplay") Integer maxReplay) {
    this(interval == null ? DEFAULT_INTERVAL : interval,
        resumeParam == null ? "lastSeq" : resumeParam,
        maxReplay == null ? 1000 : maxReplay);
  }

  public static TickerBehaviour every(Duration interval) {
    return new TickerBehaviour(interval, null, null);
  }

  @Override
  public BehaviourSession start(LiveConnection connection) {
    long intervalMillis = Math.max(1, interval.toMillis());
    TickerStream stream = connection.clientState(TickerStream.class, () -> new TickerStream(System.currentTimeMillis()));
    long produced = stream.producedBy(System.currentTimeMillis(), intervalMillis);
    Long lastSeen = parseSeq(connection.queryParam(resumeParam));
    if (lastSeen != null) {
      for (long seq = Math.max(lastSeen + 1, produced - maxReplay + 1); seq <= produced; seq++) {
        connection.sendText(stream.tick(seq, intervalMillis));
      }
    }
    long[] next = {produced + 1};
    Cancellable timer = connection.every(interval, () -> {
      long upTo = stream.producedBy(System.currentTimeMillis(), intervalMillis);
      for (; next[0] <= upTo; next[0]++) {
        connection.sendText(stream.tick(next[0], intervalMillis));
      }
    });
    return new BehaviourSession() {
      @Override
      public void stop() {
        timer.cancel();
      }
    };
  }

  @Override
  public void validate(Problems problems) {
    if (interval.isNegative() || interval.toMillis() < 1) {
      problems.at("interval").error("must be at least 1ms");
    }
    if (maxReplay < 0) {
      problems.at("maxReplay").error(maxReplay + " is out of range: 0 or more");
    }
    if (resumeParam.isBlank()) {
      problems.at("resumeParam").error("must name a query parameter");
    }
  }

  private static Long parseSeq(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** One client's tick stream: tick N is produced at {@code epoch + N * interval}. */
  static final class TickerStream {
    private final long epochMillis;

    TickerStream(long epochMillis) {
      this.epochMillis = epochMillis;
    }

    long producedBy(long nowMillis, long intervalMillis) {
      return Math.max(0, (nowMillis - epochMillis) / intervalMillis);
    }

    String tick(long seq, long intervalMillis) {
      return Json.write(new Tick("tick", seq, epochMillis + seq * intervalMillis));
    }
  }

  /** A tick on the wire. */
  record Tick(String type, long seq, long ts) {}
}
