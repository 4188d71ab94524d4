package dev.wschaos.simulator.server;

import dev.wschaos.simulator.behaviour.recording.RecordedMessage;
import dev.wschaos.simulator.behaviour.recording.RecordedSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one proxied session said, both ways, as the recorder keeps it: written on the connection's event loop, read
 * (copied) by whoever asks for the recording so far. Past {@link #MAX_MESSAGES} messages or {@link #MAX_BYTES} bytes
 * the rest is only counted.
 */
final class SessionTape {

  static final int MAX_MESSAGES = 10_000;
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private final long connectionId;
  private final String clientId;
  private final int attempt;
  private final String path;
  private final String upstream;
  private final String subprotocol;
  private final Instant openedAt = Instant.now();
  private final long startNanos = System.nanoTime();
  private final List<RecordedMessage> messages = new ArrayList<>();
  private long bytes;
  private int leftOut;

  SessionTape(long connectionId, String clientId, int attempt, String path, String upstream, String subprotocol) {
    this.connectionId = connectionId;
    this.clientId = clientId;
    this.attempt = attempt;
    this.path = path;
    this.upstream = upstream;
    this.subprotocol = subprotocol;
  }

  void text(boolean fromClient, String text) {
    add(new RecordedMessage(fromClient, millis(), text, null), text.length());
  }

  void binary(boolean fromClient, byte[] data) {
    add(RecordedMessage.binary(fromClient, millis(), data), data.length);
  }

  synchronized RecordedSession snapshot() {
    return new RecordedSession(connectionId, clientId, attempt, path, upstream, subprotocol, openedAt, messages,
        leftOut);
  }

  private synchronized void add(RecordedMessage message, int size) {
    if (messages.size() >= MAX_MESSAGES || bytes + size > MAX_BYTES) {
      leftOut++;
      return;
    }
    bytes += size;
    messages.add(message);
  }

  private long millis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
