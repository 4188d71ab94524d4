package dev.wschaos.simulator.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Records connection attempts as the server sees them, in memory and bounded, and hands out immutable
 * {@link Recording}s for {@link ReconnectAnalytics}. Thread-safe; each call is a short critical section and never
 * blocks on I/O, so it can be called from an event loop.
 *
 * <pre>{@code
 * AttemptRecorder recorder = AttemptRecorder.create(100_000);
 * long h = recorder.upgradeReceived("c1", "127.0.0.1", 3, true);   // on the upgrade request
 * recorder.rejected(h, 503, 2);                                     // or: recorder.opened(h) ...
 * recorder.ready(h);                                               // protocol milestones, if a conversation
 * recorder.feed(h, "room-1", true, 41, true);                       //   reports them
 * recorder.closed(h, DisconnectKind.SERVER_CLOSE, 1013, "busy; retry-after=2");
 * recorder.fleetEvent("close all 1012", recorder.openClients());
 * ReconnectReport report = ReconnectAnalytics.analyze(recorder.snapshot(), AnalyticsSettings.defaults());
 * }</pre>
 *
 * When more than {@code capacity} attempts are held, the oldest is forgotten and counted in
 * {@link Recording#droppedAttempts()}; calls with a forgotten or unknown handle are ignored.
 */
public final class AttemptRecorder {

  public static final int DEFAULT_CAPACITY = 100_000;
  private static final int MAX_EVENTS = 10_000;
  /** Fleet events of one label that start this close together are one event (one action, several nodes). */
  static final long SAME_EVENT_MILLIS = 1_000;
  private static final int MAX_FEEDS_PER_ATTEMPT = 100;

  private final int capacity;
  private final LongSupplier clock;
  private final HandleRing<Entry> attempts;
  private final List<EventEntry> events = new ArrayList<>();
  private long nextHandle;
  private long dropped;
  private long startNanos;
  private Instant startedAt;

  private AttemptRecorder(int capacity, LongSupplier clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
    }
    this.capacity = capacity;
    this.attempts = new HandleRing<>(capacity);
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.startedAt = Instant.now();
  }

  public static AttemptRecorder create() {
    return create(DEFAULT_CAPACITY);
  }

  public static AttemptRecorder create(int capacity) {
    return new AttemptRecorder(capacity, System::nanoTime);
  }

  /** A recorder reading monotonic time from {@code nanoClock} (for tests); wall times are derived from it. */
  public static AttemptRecorder create(int capacity, LongSupplier nanoClock) {
    return new AttemptRecorder(capacity, nanoClock);
  }

  /**
   * An upgrade request arrived.
   *
   * @param clientId the client id, or null for an anonymous client
   * @param remoteHost the client's address (the key of anonymous clients)
   * @param attempt this client's attempt number (1 for the first)
   * @param resumed whether the request carries a resume parameter such as {@code lastSeq}
   * @return the handle to pass to the other methods for this attempt
   */
  public synchronized long upgradeReceived(String clientId, String remoteHost, int attempt, boolean resumed) {
    long handle = ++nextHandle;
    if (attempts.add(handle, new Entry(ClientKey.of(clientId, remoteHost), Math.max(1, attempt), clock.getAsLong(),
        resumed))) {
      dropped++;
    }
    return handle;
  }

  /** The upgrade was refused with an HTTP status (and, if it sent one, {@code Retry-After} in seconds). */
  public synchronized void rejected(long handle, int status, Integer retryAfterSeconds) {
    Entry e = attempts.get(handle);
    if (e != null && e.outcome == null) {
      e.outcome = AttemptOutcome.REJECTED;
      e.status = status;
      e.retryAfterSeconds = retryAfterSeconds;
      e.answeredNanos = clock.getAsLong();
    }
  }

  /** The upgrade got no usable answer (aborted, stalled until the client gave up, broken handshake). */
  public synchronized void aborted(long handle) {
    Entry e = attempts.get(handle);
    if (e != null && e.outcome == null) {
      e.outcome = AttemptOutcome.ABORTED;
      e.answeredNanos = clock.getAsLong();
    }
  }

  /** The server answered 101: the connection is open. */
  public synchronized void opened(long handle) {
    Entry e = attempts.get(handle);
    if (e != null && e.outcome == null) {
      e.outcome = AttemptOutcome.ACCEPTED;
      e.status = 101;
      e.answeredNanos = clock.getAsLong();
    }
  }

  /**
   * An open connection ended. The first call wins (a close frame sent, then the TCP close, is one disconnect).
   *
   * @param code the close code sent or received; null for a drop or reset
   * @param reason the close reason; {@code retry-after=N} in it is read as an advised delay
   */
  public synchronized void closed(long handle, DisconnectKind kind, Integer code, String reason) {
    Entry e = attempts.get(handle);
    if (e != null && e.outcome == AttemptOutcome.ACCEPTED && e.disconnect == null) {
      long now = clock.getAsLong();
      e.disconnect = Disconnect.of(now, wall(now), kind, code, reason);
    }
  }

  /** The attempt's conversation reached ready; the first call counts. */
  public synchronized void ready(long handle) {
    Entry e = attempts.get(handle);
    if (e != null && e.readyNanos == null) {
      e.readyNanos = clock.getAsLong();
    }
  }

  /**
   * The attempt's conversation started a feed afresh ({@code resumed} false; {@code afterSeq}: events its stream had
   * produced already) or resumed it after sequence number {@code afterSeq} ({@code resumed} true).
   */
  public synchronized void feed(long handle, String key, boolean resumed, long afterSeq, boolean resumable) {
    Entry e = attempts.get(handle);
    if (e != null && e.feeds.size() < MAX_FEEDS_PER_ATTEMPT) {
      if (e.feeds.isEmpty()) {
        e.feeds = new ArrayList<>(2);
      }
      e.feeds.add(new FeedUse(key, clock.getAsLong(), resumed, afterSeq, resumable));
    }
  }

  /**
   * Something happened to many clients at once (a timeline step, an admin action). The same label again within
   * {@value #SAME_EVENT_MILLIS} ms of an event's start adds to that event: in a cluster one action reaches the
   * analytics once from every node (each strikes its own clients), and it is one fleet event, not one per node.
   */
  public synchronized void fleetEvent(String label, Collection<String> clientKeys) {
    long now = clock.getAsLong();
    for (int i = events.size() - 1; i >= 0; i--) {
      EventEntry e = events.get(i);
      if (now - e.nanos > SAME_EVENT_MILLIS * 1_000_000L) {
        break;
      }
      if (e.label.equals(label)) {
        e.clients.addAll(clientKeys);
        return;
      }
    }
    if (events.size() >= MAX_EVENTS) {
      events.remove(0);
    }
    events.add(new EventEntry(now, label, new LinkedHashSet<>(clientKeys)));
  }

  /**
   * Add a client to the latest fleet event labelled {@code label}, for actions that strike their clients one by one
   * (a close spread over a window); ignored when there is no such event.
   */
  public synchronized void fleetEventAffects(String label, String clientKey) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).label.equals(label)) {
        events.get(i).clients.add(clientKey);
        return;
      }
    }
  }

  /** The keys of the clients that have an open connection now. */
  public synchronized Set<String> openClients() {
    Set<String> open = new LinkedHashSet<>();
    for (int i = 0; i < attempts.size(); i++) {
      Entry e = attempts.at(i);
      if (e.outcome == AttemptOutcome.ACCEPTED && e.disconnect == null) {
        open.add(e.client);
      }
    }
    return open;
  }

  /** An immutable copy of what was recorded; attempts whose handshake is still in progress are left out. */
  public synchronized Recording snapshot() {
    List<Attempt> done = new ArrayList<>(attempts.size());
    for (int i = 0; i < attempts.size(); i++) {
      Entry e = attempts.at(i);
      if (e.outcome != null) {
        done.add(e.toAttempt(wall(e.nanos)));
      }
    }
    List<FleetEvent> fleet = new ArrayList<>(events.size());
    for (EventEntry e : events) {
      fleet.add(new FleetEvent(e.nanos, wall(e.nanos), e.label, e.clients));
    }
    return new Recording(startNanos, startedAt, clock.getAsLong(), done, fleet, dropped);
  }

  /** How many attempts are held now (at most {@link #capacity()}). */
  public synchronized int size() {
    return attempts.size();
  }

  public int capacity() {
    return capacity;
  }

  /** Forget everything and start a new observation window now. */
  public synchronized void clear() {
    attempts.clear();
    events.clear();
    dropped = 0;
    startNanos = clock.getAsLong();
    startedAt = Instant.now();
  }

  private Instant wall(long nanos) {
    return startedAt.plusNanos(nanos - startNanos);
  }

  private record EventEntry(long nanos, String label, Set<String> clients) {}

  private static final class Entry {
    final String client;
    final int number;
    final long nanos;
    final boolean resumed;
    AttemptOutcome outcome;
    Integer status;
    Integer retryAfterSeconds;
    long answeredNanos;
    Disconnect disconnect;
    Long readyNanos;
    List<FeedUse> feeds = List.of(); // a list of its own on the first feed: most attempts use none

    Entry(String client, int number, long nanos, boolean resumed) {
      this.client = client;
      this.number = number;
      this.nanos = nanos;
      this.resumed = resumed;
    }

    Attempt toAttempt(Instant at) {
      return new Attempt(client, number, nanos, at, outcome, status, retryAfterSeconds, resumed, answeredNanos,
          disconnect, readyNanos, feeds);
    }
  }
}
