package dev.wschaos.simulator.analytics;

import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the server's journal events into an {@link AttemptRecorder}'s attempts, disconnects and fleet events, so
 * reconnect analytics see exactly what the journal saw. Listens on the server's event hub.
 *
 * <pre>
 *   upgrade-received --> upgradeReceived     upgrade-rejected --> rejected / aborted     opened --> opened
 *   close-sent / close-received / dropped / reset / closed --> closed (the first one wins)
 *   fleet-action --> fleetEvent, then each fault-applied under the same rule --> fleetEventAffects
 *   ready --> ready       feed-started / feed-resumed --> feed
 * </pre>
 *
 * The feed follows each connection from its upgrade to its end. It follows at most as many connections as the
 * recorder holds attempts, and at most {@value #MAX_FLEET_SOURCES} fleet event sources: past that the oldest is
 * forgotten (its later events are ignored, as the recorder ignores a forgotten attempt), so connections whose end
 * is never journaled cannot grow it.
 */
public final class JournalFeed implements Consumer<JournalEvent> {

  private static final Pattern RETRY_AFTER = Pattern.compile("retry-after=(\\d+)");
  private static final String SHUTDOWN_REASON = "server shutting down";

  static final int MAX_FLEET_SOURCES = 1_000;

  private final AttemptRecorder recorder;
  private final Supplier<String> resumeParam;
  private final Map<Long, Connection> connections;
  private final Map<String, String> openFleetEvents = bounded(MAX_FLEET_SOURCES, () -> { });
  private long forgotten;

  private record Connection(long handle, String clientKey) {}

  /**
   * @param resumeParam the query parameter that carries a client's last-seen sequence number (for the ticker
   *                    behaviour, {@code lastSeq} by default); read on each upgrade so plan changes apply
   */
  public JournalFeed(AttemptRecorder recorder, Supplier<String> resumeParam) {
    this.recorder = recorder;
    this.resumeParam = resumeParam;
    this.connections = bounded(recorder.capacity(), () -> forgotten++);
  }

  /** Connections followed now: upgraded or upgrading, their end not journaled yet. */
  public synchronized int following() {
    return connections.size();
  }

  /** Connections no longer followed because more than the recorder's capacity were. */
  public synchronized long forgotten() {
    return forgotten;
  }

  private static <K, V> Map<K, V> bounded(int capacity, Runnable onEvict) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        boolean full = size() > capacity;
        if (full) {
          onEvict.run();
        }
        return full;
      }
    };
  }

  @Override
  public synchronized void accept(JournalEvent event) {
    switch (event.type()) {
      case UPGRADE_RECEIVED -> upgrade(event);
      case UPGRADE_REJECTED -> rejected(event);
      case CLOSED -> closed(event);
      case FLEET_ACTION -> fleetAction(event);
      case FAULT_APPLIED -> faultApplied(event);
      default -> followed(event);
    }
  }

  /** An event about a connection followed since its upgrade (no lambda per event: this runs for every one). */
  private void followed(JournalEvent event) {
    Connection c = event.connectionId() == null ? null : connections.get(event.connectionId());
    if (c == null) {
      return;
    }
    switch (event.type()) {
      case OPENED -> recorder.opened(c.handle());
      case CLOSE_SENT -> recorder.closed(c.handle(),
          SHUTDOWN_REASON.equals(event.reason()) ? DisconnectKind.SHUTDOWN : DisconnectKind.SERVER_CLOSE,
          event.code(), event.reason());
      case CLOSE_RECEIVED -> recorder.closed(c.handle(), DisconnectKind.CLIENT_CLOSE, event.code(), event.reason());
      case DROPPED -> recorder.closed(c.handle(), DisconnectKind.DROPPED, null, null);
      case RESET -> recorder.closed(c.handle(), DisconnectKind.RESET, null, null);
      case READY -> recorder.ready(c.handle());
      case FEED_STARTED, FEED_RESUMED -> recorder.feed(c.handle(), event.feed() == null ? "" : event.feed(),
          event.type() == EventType.FEED_RESUMED, event.afterSeq() == null ? 0 : event.afterSeq(),
          Boolean.TRUE.equals(event.resumable()));
      default -> { }
    }
  }

  private void upgrade(JournalEvent event) {
    if (event.connectionId() == null) {
      return;
    }
    String host = event.clientId() != null && !event.clientId().isBlank() ? null : hostOf(event.remote());
    long handle = recorder.upgradeReceived(event.clientId(), host, event.attempt() == null ? 0 : event.attempt(),
        carriesResume(event.detail()));
    connections.put(event.connectionId(), new Connection(handle, ClientKey.of(event.clientId(), host)));
  }

  private void rejected(JournalEvent event) {
    Connection c = event.connectionId() == null ? null : connections.remove(event.connectionId());
    if (c == null) {
      return;
    }
    if (event.status() != null && event.status() > 0) {
      recorder.rejected(c.handle(), event.status(), retryAfter(event.reason()));
    } else {
      recorder.aborted(c.handle());
    }
  }

  private void closed(JournalEvent event) {
    Connection c = event.connectionId() == null ? null : connections.remove(event.connectionId());
    if (c != null) {
      boolean byServer = JournalEvent.SERVER.equals(event.initiator())
          || JournalEvent.UPSTREAM.equals(event.initiator());
      recorder.closed(c.handle(), byServer ? DisconnectKind.SERVER_CLOSE : DisconnectKind.CLIENT_CLOSE,
          event.code(), event.reason());
    }
  }

  private void fleetAction(JournalEvent event) {
    String source = event.rule() == null ? "action" : event.rule();
    String label = source + ": " + (event.detail() == null ? "" : event.detail());
    openFleetEvents.put(source, label);
    recorder.fleetEvent(label, Set.of());
  }

  private void faultApplied(JournalEvent event) {
    String label = event.rule() == null ? null : openFleetEvents.get(event.rule());
    Connection c = event.connectionId() == null ? null : connections.get(event.connectionId());
    if (label != null && c != null) {
      recorder.fleetEventAffects(label, c.clientKey());
    }
  }

  private boolean carriesResume(String query) {
    if (query == null || query.isEmpty()) {
      return false;
    }
    String param = resumeParam.get();
    for (int start = 0; start < query.length(); ) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? query.length() : amp;
      int valueAt = start + param.length() + 1;
      if (valueAt < end && query.startsWith(param, start) && query.charAt(valueAt - 1) == '=') {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static Integer retryAfter(String reason) {
    if (reason == null) {
      return null;
    }
    Matcher m = RETRY_AFTER.matcher(reason);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static String hostOf(String remote) {
    if (remote == null) {
      return "unknown";
    }
    int colon = remote.lastIndexOf(':');
    return colon > 0 ? remote.substring(0, colon) : remote;
  }
}
