package dev.wschaos.scenarios.client;

import java.time.Duration;

/**
 * What a connected virtual user does, one step at a time, until it notices its connection is gone.
 *
 * <pre>{@code
 * ClientBehaviour.heartbeat(Duration.ofSeconds(5), Duration.ofSeconds(3))  // ping, await the echo
 * ClientBehaviour.echo(Duration.ofSeconds(1), Duration.ofSeconds(3))       // a conversation, each reply verified
 * ClientBehaviour.ticker(Duration.ofMillis(500), Duration.ofSeconds(3), true) // ticks, resume with ?lastSeq=N
 * ClientBehaviour.idle(Duration.ofSeconds(1))                              // hold the socket, say nothing
 * ClientBehaviour.conversation(ConversationPresets.stomp())                // speak STOMP: CONNECT, SUBSCRIBE...
 * }</pre>
 */
public sealed interface ClientBehaviour {

  /** Send a ping every {@code interval} and await its echo within {@code timeout}; no echo = heartbeat-timeout. */
  record Heartbeat(Duration interval, Duration timeout) implements ClientBehaviour {}

  /** Send a numbered message every {@code interval}, await its echo within {@code timeout} and check it. */
  record Echo(Duration interval, Duration timeout) implements ClientBehaviour {}

  /**
   * Read the server's ticks every {@code poll}, track the last sequence number and count gaps; no tick for
   * {@code staleAfter} = stale. With {@code resume}, reconnect with {@code ?lastSeq=N}.
   */
  record Ticker(Duration poll, Duration staleAfter, boolean resume) implements ClientBehaviour {}

  /** Hold the connection and say nothing; only a close notice is noticed (a silent drop is not, as in real life). */
  record Idle(Duration poll) implements ClientBehaviour {}

  /**
   * Speak {@code conversation}: send its opening messages on every connection, count as ready on its ready reply,
   * answer its pings, (re)subscribe and resume its feeds, and count gaps and duplicates. Buffered messages are read
   * every {@code poll}; no ready reply within the conversation's {@code readyTimeout} = {@code not-ready}; once
   * ready, no message for {@code staleAfter} = stale. Either way the client gives the connection up and reconnects.
   */
  record Conversation(ClientConversation conversation, Duration poll, Duration staleAfter)
      implements ClientBehaviour {}

  /** {@link Conversation} reading messages every 100 ms, stale after 3 s of silence. */
  static ClientBehaviour conversation(ClientConversation conversation) {
    return new Conversation(conversation, Duration.ofMillis(100), Duration.ofSeconds(3));
  }

  static ClientBehaviour heartbeat(Duration interval, Duration timeout) {
    return new Heartbeat(interval, timeout);
  }

  static ClientBehaviour echo(Duration interval, Duration timeout) {
    return new Echo(interval, timeout);
  }

  static ClientBehaviour ticker(Duration poll, Duration staleAfter, boolean resume) {
    return new Ticker(poll, staleAfter, resume);
  }

  static ClientBehaviour idle(Duration poll) {
    return new Idle(poll);
  }

  /**
   * Parse {@code heartbeat}, {@code echo}, {@code ticker} or {@code idle} with default timings, or a conversation
   * preset, {@code stomp} or {@code graphql-ws} ({@link ConversationPresets}).
   */
  static ClientBehaviour parse(String name) {
    return switch (name.trim()) {
      case "heartbeat" -> heartbeat(Duration.ofSeconds(5), Duration.ofSeconds(3));
      case "echo" -> echo(Duration.ofSeconds(1), Duration.ofSeconds(3));
      case "ticker" -> ticker(Duration.ofMillis(500), Duration.ofSeconds(3), true);
      case "idle" -> idle(Duration.ofSeconds(1));
      case "stomp", "graphql-ws" -> conversation(ConversationPresets.get(name.trim()));
      default -> throw new IllegalArgumentException("unknown client behaviour '" + name
          + "': use heartbeat, echo, ticker, idle, stomp or graphql-ws");
    };
  }
}
