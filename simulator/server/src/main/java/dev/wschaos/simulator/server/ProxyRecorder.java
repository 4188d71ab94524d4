package dev.wschaos.simulator.server;

import dev.wschaos.simulator.behaviour.recording.ConversationRecording;
import dev.wschaos.simulator.behaviour.recording.RecordedSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records proxied sessions while it is on and turns them into a {@code conversation} plan
 * ({@link ConversationRecording}): started with or without a file, read at any time, and written to its file when
 * stopped. Sessions opened while it is on are recorded to their end, at most {@link #MAX_SESSIONS} of them.
 *
 * <pre>{@code
 * recorder.start(Path.of("chat-recorded.yaml"));
 * // ... clients talk to the upstream through the proxy ...
 * ConversationRecording recording = recorder.stop();   // written to chat-recorded.yaml
 * }</pre>
 */
public final class ProxyRecorder {

  static final int MAX_SESSIONS = 10_000;
  private static final String DEFAULT_NAME = "recorded";

  private volatile boolean active;
  private Path file;
  private volatile ConcurrentLinkedQueue<SessionTape> tapes = new ConcurrentLinkedQueue<>();
  private final AtomicInteger recorded = new AtomicInteger();
  private final AtomicInteger sessionsLeftOut = new AtomicInteger();

  /** Start a new recording (what an earlier one kept is forgotten), written to {@code file} on stop (null: none). */
  public synchronized void start(Path file) {
    this.file = file;
    this.tapes = new ConcurrentLinkedQueue<>();
    recorded.set(0);
    sessionsLeftOut.set(0);
    this.active = true;
  }

  /** Start a new recording to the file the last one had (none if none had one), as the admin API does. */
  public synchronized void start() {
    start(file);
  }

  /** Whether sessions opened now are recorded. */
  public boolean active() {
    return active;
  }

  /** The file the recording goes to when stopped. */
  public synchronized Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The sessions recorded so far as a plan (sessions still open included, up to their last message). */
  public ConversationRecording snapshot() {
    List<RecordedSession> sessions = new ArrayList<>();
    String name;
    synchronized (this) {
      tapes.forEach(tape -> sessions.add(tape.snapshot()));
      name = planName();
    }
    return ConversationRecording.of(name, sessions);
  }

  /**
   * Stop recording: sessions opened from now on are not recorded. Writes the plan to the file, if one was given.
   *
   * @throws IllegalStateException when no recording is on
   * @throws UncheckedIOException when the file cannot be written
   */
  public synchronized ConversationRecording stop() {
    if (!active) {
      throw new IllegalStateException("no recording is on: start one first");
    }
    active = false;
    ConversationRecording recording = snapshot();
    if (file != null) {
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(file, recording.yaml(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the recording to " + file + ": " + e.getMessage(), e);
      }
    }
    return recording;
  }

  /** How many proxied sessions were not recorded because {@link #MAX_SESSIONS} were already. */
  public int sessionsLeftOut() {
    return sessionsLeftOut.get();
  }

  /** A tape for a proxied session opening now, or null when not recording. */
  SessionTape tape(long connectionId, VertxUpgradeRequest upgrade, String upstream, String subprotocol) {
    if (!active) {
      return null;
    }
    ConcurrentLinkedQueue<SessionTape> current = tapes;
    if (recorded.incrementAndGet() > MAX_SESSIONS) {
      sessionsLeftOut.incrementAndGet();
      return null;
    }
    SessionTape tape = new SessionTape(connectionId, upgrade.clientId(), upgrade.attempt(), upgrade.path(), upstream,
        subprotocol == null || subprotocol.isEmpty() ? null : subprotocol);
    current.add(tape);
    return tape;
  }

  private String planName() {
    if (file == null) {
      return DEFAULT_NAME;
    }
    String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    return cleaned.isEmpty() ? DEFAULT_NAME : cleaned;
  }
}
