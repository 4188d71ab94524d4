package dev.wschaos.simulator.fault.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.Cancellable;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.LiveConnection;
import dev.wschaos.simulator.fault.MessageFlow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hold server-to-client messages in groups of {@code window} and send each group in a shuffled order (never the
 * original one), as parallel consumers or multi-path delivery do. A group not yet full is sent, shuffled, after
 * {@code maxHold}, so that a slow stream is not held back for long.
 *
 * <pre>{@code
 * fault: {type: reorder-messages, window: 3, maxHold: 500ms}
 * }</pre>
 */
@JsonTypeName("reorder-messages")
public record ReorderMessagesFault(int window, Duration maxHold) implements ConnectionFault {

  public static final int MAX_WINDOW = 100;

  @JsonCreator
  public ReorderMessagesFault(@JsonProperty("window") Integer window, @JsonProperty("maxHold") Duration maxHold) {
    this(window == null ? 3 : window, maxHold == null ? Duration.ofMillis(500) : maxHold);
  }

  /** Groups of 3, a group not yet full sent after 500 ms. */
  public static ReorderMessagesFault defaults() {
    return new ReorderMessagesFault((Integer) null, null);
  }

  @Override
  public void apply(LiveConnection connection) {
    connection.outbound(new Shuffler(connection));
  }

  @Override
  public void validate(Problems problems) {
    if (window < 2 || window > MAX_WINDOW) {
      problems.at("window").error(window + " is out of range: 2 to " + MAX_WINDOW + " messages");
    }
    if (maxHold.isNegative() || maxHold.isZero()) {
      problems.at("maxHold").error("must be positive (e.g. 500ms)");
    }
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
