package dev.wschaos.simulator.fault;

import dev.wschaos.simulator.message.Reply;
import java.time.Duration;
import java.util.List;

/**
 * How a protocol fault changes the handling of a matching client message: withheld (no reply, no feed, nothing),
 * answered with {@code instead} (and nothing else, then {@code then} strikes when set), or handled as usual after
 * {@code delay}.
 *
 * <pre>{@code
 * ReplyChange.instead(List.of(Reply.text("{\"type\":\"error\",\"code\":500}")));
 * }</pre>
 */
public record ReplyChange(boolean withhold, List<Reply> instead, ConnectionFault then, Duration delay) {

  public static final ReplyChange WITHHOLD = new ReplyChange(true, null, null, null);

  public static ReplyChange instead(List<Reply> replies) {
    return instead(replies, null);
  }

  /** Answer with {@code replies}, then strike with {@code then} (null: nothing more). */
  public static ReplyChange instead(List<Reply> replies, ConnectionFault then) {
    return new ReplyChange(false, List.copyOf(replies), then, null);
  }

  public static ReplyChange delay(Duration delay) {
    return new ReplyChange(false, null, null, delay);
  }
}
