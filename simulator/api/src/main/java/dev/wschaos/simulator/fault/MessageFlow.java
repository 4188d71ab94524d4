package dev.wschaos.simulator.fault;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A stage that whole WebSocket messages pass through on one connection, in one direction (Toxiproxy's toxic on a
 * stream, one level up): it may pass a message on at once, later, twice, changed, or never. Installed by faults with
 * {@link LiveConnection#outbound} / {@link LiveConnection#inbound}; connections without one pay a null check.
 *
 * <pre>{@code
 * connection.outbound((message, next) -> {
 *   if (connection.random().nextDouble() >= 0.1) next.accept(message);   // lose 10%
 * });
 * }</pre>
 */
@FunctionalInterface
public interface MessageFlow {

  /** Handle one message; hand it (or others) on with {@code next}. Called on the connection's event loop. */
  void offer(Message message, Consumer<Message> next);

  /** One whole message: text, or binary when {@code text} is null. */
  record Message(String text, byte[] binary) {

    public static Message text(String text) {
      return new Message(text, null);
    }

    public static Message binary(byte[] data) {
      return new Message(null, data);
    }

    public boolean isText() {
      return text != null;
    }

    /** The payload as bytes (UTF-8 for text). */
    public byte[] bytes() {
      return isText() ? text.getBytes(StandardCharsets.UTF_8) : binary;
    }
  }
}
