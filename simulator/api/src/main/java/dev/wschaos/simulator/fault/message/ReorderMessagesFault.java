package dev.wschaos.simulator.fault.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.Cancellable;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.MessageFlow;
import dev.wschaos.simulator.fault.shaping.Direction;
import dev.wschaos.simulator.message.MessageMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hold selected messages in groups of {@code window} and send each group in a shuffled order (never the original
 * one), as parallel consumers or multi-path delivery do. A group not yet full is sent, shuffled, after
 * {@code maxHold}, so that a slow stream is not held back for long. With {@code match} only the messages it matches
 * are held (the others go on at once, overtaking them); {@code direction} ({@code out}, the default, {@code in},
 * {@code both}, each way with a window of its own) chooses which way.
 *
 * <pre>{@code
 * fault: {type: reorder-messages, window: 3, maxHold: 500ms}
 * fault: {type: reorder-messages, window: 2, match: {text: "^MESSAGE"}, direction: out}
 * }</pre>
 */
@JsonTypeName("reorder-messages")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReorderMessagesFault(int window, Duration maxHold, MessageMatch match, Direction direction)
    implements ConnectionFault {

  public static final int MAX_WINDOW = 100;

  @JsonCreator
  public ReorderMessagesFault(@JsonProperty("window") Integer window, @JsonProperty("maxHold") Duration maxHold,
                              @JsonProperty("match") MessageMatch match,
                              @JsonProperty("direction") Direction direction) {
    this(window == null ? 3 : window.intValue(), maxHold == null ? Duration.ofMillis(500) : maxHold, match,
        direction);
  }

  /** Every server-to-client message, in groups of {@code window}, a group held at most {@code maxHold}. */
  public ReorderMessagesFault(int window, Duration maxHold) {
    this(window, maxHold, null, null);
  }

  /** Groups of 3, a group not yet full sent after 500 ms. */
  public static ReorderMessagesFault defaults() {
    return new ReorderMessagesFault(3, Duration.ofMillis(500));
  }

  @Override
  public void apply(LiveConnection connection) {
    new MessageSelection(direction, match).installEach(connection, () -> new Shuffler(connection));
  }

  @Override
  public void validate(Problems problems) {
    if (window < 2 || window > MAX_WINDOW) {
      problems.at("window").error(window + " is out of range: 2 to " + MAX_WINDOW + " messages");
    }
    if (maxHold.isNegative() || maxHold.isZero()) {
      problems.at("maxHold").error("must be positive (e.g. 500ms)");
    }
    new MessageSelection(direction, match).validate(problems);
  }

  private final class Shuffler implements MessageFlow {
    private final LiveConnection connection;
    private final List<Message> held = new ArrayList<>(window);
    private Consumer<Message> next;
    private Cancellable timer = Cancellable.NONE;

    Shuffler(LiveConnection connection) {
      this.connection = connection;
    }

    @Override
    public void offer(Message message, Consumer<Message> next) {
      this.next = next;
      held.add(message);
      if (held.size() == 1) {
        timer = connection.schedule(maxHold, this::release);
      }
      if (held.size() >= window) {
        timer.cancel();
        release();
      }
    }

    private void release() {
      List<Message> group = new ArrayList<>(held);
      held.clear();
      if (group.size() > 1) {
        List<Message> original = List.copyOf(group);
        Collections.shuffle(group, connection.random());
        if (group.equals(original)) {
          Collections.swap(group, 0, 1);
        }
      }
      group.forEach(next);
    }
  }
}
