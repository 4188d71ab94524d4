package dev.wschaos.scenarios.client;

import dev.wschaos.scenarios.policy.Disconnect;
import dev.wschaos.scenarios.policy.ReconnectDecision;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * One virtual user's connection life as a state machine, without Gatling: {@link WsClient}'s chains ask it what to do
 * and tell it what happened; it applies the {@link ReconnectPolicy} and records every event in the
 * {@link ClientLedger}. One instance per virtual user (Gatling runs a user's actions one at a time).
 *
 * <pre>
 *   connected --lost(why)--> disconnected --decide()--> waiting(delay) --attempting()--> attempted(ok)
 *       ^                                     |                                             |   |
 *       +-------------------------------------|---------------------------------------------+   | failed:
 *                                             +--> gave up (terminal code, max attempts, ...)   decide() again
 * </pre>
 *
 * <pre>{@code
 * ReconnectMachine m = new ReconnectMachine(policy, ledger, System::currentTimeMillis, random::nextDouble);
 * m.firstConnect(true);
 * m.lost(Disconnect.closed(1012, 2000L));
 * if (m.decide()) { sleep(m.delay()); m.attempting(); m.attempted(true); }
 * }</pre>
 */
public final class ReconnectMachine {

  private final ReconnectPolicy policy;
  private final ClientLedger ledger;
  private final LongSupplier clock;
  private final DoubleSupplier random;

  private boolean connected;
  private Disconnect why;
  private long lostAt;
  private int attempt;
  private long delayMillis;
  private long previousDelayMillis;
  private String gaveUp;
  private Disconnect notice;
  private Long lastSeq;
  private long lastMessageAt;

  /** {@code clock}: wall-clock milliseconds; {@code random}: this user's draws in [0, 1) for the jitter. */
  public ReconnectMachine(ReconnectPolicy policy, ClientLedger ledger, LongSupplier clock, DoubleSupplier random) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.lastMessageAt = clock.getAsLong();
  }

  /** The first connect ended: connected, or lost before ever connecting (a failed handshake). */
  public void firstConnect(boolean ok) {
    if (ok) {
      ledger.connected(false, 0);
      becomeConnected();
    } else {
      ledger.connectFailed();
      markLost(Disconnect.HANDSHAKE_FAILED);
    }
  }

  /** The connection is gone; ignored when not connected. */
  public void lost(Disconnect cause) {
    if (!connected) {
      return;
    }
    ledger.disconnected(cause);
    markLost(cause);
  }

  /** A close notice arrived; it takes effect at the next {@link #applyNotice()} (or in place of a reply). */
  public void noticed(Disconnect cause) {
    this.notice = cause;
  }

  /** The pending close notice, cleared; null when none. */
  public Disconnect takeNotice() {
    Disconnect taken = notice;
    notice = null;
    return taken;
  }

  /** Turn a pending close notice into the loss it announces; returns whether the connection was lost. */
  public boolean applyNotice() {
    Disconnect pending = takeNotice();
    if (pending == null || !connected) {
      return false;
    }
    lost(pending);
    return true;
  }

  /**
   * Ask the policy about the next attempt after the loss (or the failed attempt): returns true to wait
   * {@link #delay()} and retry, false when the client gave up ({@link #gaveUp()}).
   */
  public boolean decide() {
    int next = attempt + 1;
    Duration since = Duration.ofMillis(clock.getAsLong() - lostAt);
    ReconnectDecision decision = policy.next(why, next, since, previousDelayMillis, random);
    if (decision instanceof ReconnectDecision.Retry retry) {
      attempt = next;
      delayMillis = retry.delayMillis();
      previousDelayMillis = retry.delayMillis();
      return true;
    }
    gaveUp = ((ReconnectDecision.GiveUp) decision).reason();
    ledger.gaveUp(gaveUp);
    return false;
  }

  /** The wait before the attempt {@link #decide()} allowed. */
  public Duration delay() {
    return Duration.ofMillis(delayMillis);
  }

  /** The attempt is being made now (after the wait): counted, and judged against terminal codes and advice. */
  public void attempting() {
    notice = null;
    ledger.attempt(why, clock.getAsLong() - lostAt);
  }

  /**
   * The attempt ended. Connected: the reconnect time is recorded. Failed: the policy decides again; a delay the
   * server advised with the loss still holds for the next wait, unless the failure is terminal.
   */
  public void attempted(boolean ok) {
    if (ok) {
      ledger.connected(true, clock.getAsLong() - lostAt);
      becomeConnected();
      return;
    }
    ledger.connectFailed();
    Disconnect previous = why;
    why = Disconnect.HANDSHAKE_FAILED;
    if (decide()) {
      why = previous.advisedDelayMs() == null ? Disconnect.HANDSHAKE_FAILED : previous;
    }
  }

  /** The client closed its connection at the end of the run. */
  public void closedByClient() {
    if (connected) {
      ledger.closedByClient();
      connected = false;
    }
  }

  /** An application message arrived at {@code atMillis}. */
  public void messageAt(long atMillis) {
    lastMessageAt = Math.max(lastMessageAt, atMillis);
  }

  /** A reply to a request arrived now. */
  public void replied(boolean matches) {
    ledger.message();
    if (!matches) {
      ledger.echoMismatch();
    }
    messageAt(clock.getAsLong());
  }

  /** Whether no message arrived for longer than {@code staleAfter}. */
  public boolean silentFor(Duration staleAfter) {
    return clock.getAsLong() - lastMessageAt > staleAfter.toMillis();
  }

  /** A ticker message numbered {@code seq}: ticks missed since the last one are counted; old ones are ignored. */
  public void tick(long seq) {
    if (lastSeq == null || seq > lastSeq) {
      ledger.tick(lastSeq == null ? 0 : seq - lastSeq - 1);
      lastSeq = seq;
    }
  }

  /** The last tick received, to resume from ({@code ?lastSeq=N}); null before the first. */
  public Long resumeFrom() {
    return lastSeq;
  }

  public boolean connected() {
    return connected;
  }

  /** Why the connection was lost (or the last attempt failed), null while never lost. */
  public Disconnect why() {
    return why;
  }

  /** The attempt of the current reconnect, 1 for the first after a loss. */
  public int attempt() {
    return attempt;
  }

  /** When the current (or last) loss was noticed, in clock milliseconds; where a reconnect's times count from. */
  public long lostAt() {
    return lostAt;
  }

  /** Why the client gave up, or null. */
  public String gaveUp() {
    return gaveUp;
  }

  private void becomeConnected() {
    connected = true;
    lastMessageAt = clock.getAsLong();
  }

  private void markLost(Disconnect cause) {
    connected = false;
    why = cause;
    lostAt = clock.getAsLong();
    attempt = 0;
    previousDelayMillis = 0;
  }
}
