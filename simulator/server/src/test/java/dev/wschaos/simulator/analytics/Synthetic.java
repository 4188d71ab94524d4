package dev.wschaos.simulator.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds synthetic attempt sequences on a virtual clock (milliseconds from 0) for analytics tests.
 *
 * <pre>{@code
 * Synthetic s = new Synthetic("c1");
 * s.rejected(503, null).after(100).rejected(503, null).after(200).accepted(true).open(5000).dropped();
 * Recording r = s.recording(s.now() + 1000);
 * }</pre>
 */
final class Synthetic {

  static final long T0 = 1_000_000_000L;
  static final Instant WALL0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final long HANDSHAKE_MS = 1;

  private final List<Attempt> attempts = new ArrayList<>();
  private final List<FleetEvent> events = new ArrayList<>();
  private String client;
  private double now;
  private int number;
  private boolean resuming;

  Synthetic(String client) {
    this.client = client;
  }

  static long nanos(double millis) {
    return T0 + Math.round(millis * 1e6);
  }

  static Instant wall(double millis) {
    return WALL0.plusNanos(Math.round(millis * 1e6));
  }

  /** Switch to another client (its own attempt numbers), at time {@code atMillis}. */
  Synthetic client(String key, double atMillis) {
    this.client = key;
    this.now = atMillis;
    this.number = (int) attempts.stream().filter(a -> a.client().equals(key)).count();
    return this;
  }

  /** Whether later rejected and aborted attempts carry a resume parameter. */
  Synthetic resuming(boolean value) {
    resuming = value;
    return this;
  }

  double now() {
    return now;
  }

  Synthetic at(double millis) {
    now = millis;
    return this;
  }

  Synthetic after(double millis) {
    now += millis;
    return this;
  }

  Synthetic rejected(int status, Integer retryAfter) {
    attempts.add(Attempt.rejected(client, ++number, nanos(now), wall(now), status, retryAfter, resuming,
        nanos(now + HANDSHAKE_MS)));
    now += HANDSHAKE_MS;
    return this;
  }

  Synthetic aborted() {
    attempts.add(Attempt.aborted(client, ++number, nanos(now), wall(now), resuming, nanos(now + HANDSHAKE_MS)));
    now += HANDSHAKE_MS;
    return this;
  }

  Synthetic accepted(boolean resumed) {
    attempts.add(Attempt.accepted(client, ++number, nanos(now), wall(now), resumed, nanos(now + HANDSHAKE_MS)));
    now += HANDSHAKE_MS;
    return this;
  }

  /** Keep the last accepted connection open this long. */
  Synthetic open(double millis) {
    now += millis;
    return this;
  }

  Synthetic closedByServer(int code, String reason) {
    return end(DisconnectKind.SERVER_CLOSE, code, reason);
  }

  Synthetic closedByClient(int code) {
    return end(DisconnectKind.CLIENT_CLOSE, code, null);
  }

  Synthetic dropped() {
    return end(DisconnectKind.DROPPED, null, null);
  }

  Synthetic event(String label, List<String> clients) {
    events.add(new FleetEvent(nanos(now), wall(now), label, java.util.Set.copyOf(clients)));
    return this;
  }

  private Synthetic end(DisconnectKind kind, Integer code, String reason) {
    int last = attempts.size() - 1;
    attempts.set(last, attempts.get(last).withDisconnect(Disconnect.of(nanos(now), wall(now), kind, code, reason)));
    return this;
  }

  /** A recording from 0 to {@code endMillis}. */
  Recording recording(double endMillis) {
    return Recording.of(T0, WALL0, nanos(endMillis), attempts, events);
  }

  /** Points (k, delay) of one retry run. */
  static List<BackoffClassifier.Point> run(double... delays) {
    List<BackoffClassifier.Point> points = new ArrayList<>();
    for (int k = 0; k < delays.length; k++) {
      points.add(new BackoffClassifier.Point(k, delays[k]));
    }
    return points;
  }
}
