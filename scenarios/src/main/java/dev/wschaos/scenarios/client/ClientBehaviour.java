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

  /** Parse {@code heartbeat}, {@code echo}, {@code ticker} or {@code idle} with default timings. */
  static ClientBehaviour parse(String name) {
    return switch (name.trim()) {
      case "heartbeat" -> heartbeat(Duration.ofSeconds(5), Duration.ofSeconds(3));
      case "echo" -> echo(Duration.ofSeconds(1), Duration.ofSeconds(3));
      case "ticker" -> ticker(Duration.ofMillis(500), Duration.ofSeconds(3), true);
      case "idle" -> idle(Duration.ofSeconds(1));
      default -> throw new IllegalArgumentException("unknown client behaviour '" + name
          + "': use heartbeat, echo, ticker or idle");
    };
  }
}
