package dev.wschaos.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.scenarios.policy.Disconnect;
import dev.wschaos.scenarios.policy.Jitter;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconnectMachineTest {

  private static final ReconnectPolicy EXPONENTIAL =
      ReconnectPolicy.exponential(Duration.ofMillis(100), 2, Duration.ofMillis(1000), Jitter.NONE);

  private long now = 1_000_000;
  private final ClientLedger ledger = new ClientLedger();

  private ReconnectMachine machine(ReconnectPolicy policy) {
    return new ReconnectMachine(policy, ledger, () -> now, () -> 0.5);
  }

  /** Wait the delay the machine decided, then attempt; returns the delay. */
  private long waitAndAttempt(ReconnectMachine m, boolean ok) {
    long delay = m.delay().toMillis();
    now += delay;
    m.attempting();
    m.attempted(ok);
    return delay;
  }

  @Test
  void failedAttemptsBackOffExponentiallyUpToTheCapThenReconnect() {
    ReconnectMachine m = machine(EXPONENTIAL);
    m.firstConnect(true);
    m.lost(Disconnect.DROPPED);

    assertThat(m.decide()).isTrue();
    long[] delays = new long[5];
    for (int i = 0; i < 4; i++) {
      assertThat(m.attempt()).isEqualTo(i + 1);
      delays[i] = waitAndAttempt(m, false);
    }
    delays[4] = waitAndAttempt(m, true);

    assertThat(delays).containsExactly(100, 200, 400, 800, 1000);
    assertThat(m.connected()).isTrue();
    ClientLedger.Snapshot seen = ledger.snapshot();
    assertThat(seen.connects()).isEqualTo(2);
    assertThat(seen.connectFailures()).isEqualTo(4);
    assertThat(seen.disconnects()).isEqualTo(Map.of("dropped", 1L));
    assertThat(seen.reconnectMillis()).containsExactly(2500L);
    assertThat(seen.connectedNow()).isEqualTo(1);
  }

  @Test
  void aNewLossStartsTheBackoffAgain() {
    ReconnectMachine m = machine(EXPONENTIAL);
    m.firstConnect(true);
    m.lost(Disconnect.DROPPED);
    m.decide();
    waitAndAttempt(m, false);
    waitAndAttempt(m, true);

    m.lost(Disconnect.closed(1006, null));
    assertThat(m.decide()).isTrue();
    assertThat(m.attempt()).isEqualTo(1);
    assertThat(m.delay()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void anAdvisedDelayIsHonouredAndStillHoldsAfterAFailedAttempt() {
    ReconnectMachine m = machine(EXPONENTIAL);
    m.firstConnect(true);
    m.lost(Disconnect.closed(1012, 2000L));

    assertThat(m.decide()).isTrue();
    assertThat(m.delay()).isEqualTo(Duration.ofMillis(2000));
    waitAndAttempt(m, false);
    assertThat(m.why()).isEqualTo(Disconnect.closed(1012, 2000L));
    waitAndAttempt(m, true);

    assertThat(ledger.snapshot().adviceIgnored()).isZero();
  }

  @Test
  void aClientThatIgnoresAdviceIsCaughtByTheLedger() {
    ReconnectMachine m = machine(ReconnectPolicy.immediate().withHonourAdvice(false));
    m.firstConnect(true);
    m.lost(Disconnect.closed(1013, 5000L));

    assertThat(m.decide()).isTrue();
    assertThat(m.delay()).isZero();
    waitAndAttempt(m, true);

    assertThat(ledger.snapshot().adviceIgnored()).isEqualTo(1);
  }

  @Test
  void givesUpAfterMaxAttempts() {
    ReconnectMachine m = machine(EXPONENTIAL.withMaxAttempts(2));
    m.firstConnect(true);
    m.lost(Disconnect.DROPPED);
    m.decide();
    waitAndAttempt(m, false);
    waitAndAttempt(m, false);

    assertThat(m.gaveUp()).isEqualTo("max-attempts");
    assertThat(m.connected()).isFalse();
    assertThat(ledger.snapshot().giveUps()).isEqualTo(Map.of("max-attempts", 1L));
  }

  @Test
  void aTerminalCloseCodeEndsTheClientWithoutARetry() {
    ReconnectMachine m = machine(EXPONENTIAL);
    m.firstConnect(true);
    m.lost(Disconnect.closed(1008, null));

    assertThat(m.decide()).isFalse();
    assertThat(m.gaveUp()).isEqualTo("terminal-1008");
    ClientLedger.Snapshot seen = ledger.snapshot();
    assertThat(seen.retriesAfterTerminal()).isZero();
    assertThat(seen.giveUps()).isEqualTo(Map.of("terminal-1008", 1L));
  }

  @Test
  void aRetryAfterATerminalCodeIsCountedAsAViolation() {
    ReconnectMachine m = machine(ReconnectPolicy.immediate().withTerminalCodes(java.util.Set.of()));
    m.firstConnect(true);
    m.lost(Disconnect.closed(1008, null));

    assertThat(m.decide()).isTrue();
    waitAndAttempt(m, true);

    assertThat(ledger.snapshot().retriesAfterTerminal()).isEqualTo(1);
  }

  @Test
  void aFailedFirstConnectIsAHandshakeFailureNotADisconnect() {
    ReconnectMachine m = machine(EXPONENTIAL);
    m.firstConnect(false);

    assertThat(m.connected()).isFalse();
    assertThat(m.why()).isEqualTo(Disconnect.HANDSHAKE_FAILED);
    assertThat(m.decide()).isTrue();
    ClientLedger.Snapshot seen = ledger.snapshot();
    assertThat(seen.connectFailures()).isEqualTo(1);
    assertThat(seen.disconnectCount()).isZero();
  }

  @Test
  void aCloseNoticeTakesEffectWhenApplied() {
    ReconnectMachine m = machine(EXPONENTIAL);
    m.firstConnect(true);
    m.noticed(Disconnect.closed(1001, null));
    assertThat(m.connected()).isTrue();

    assertThat(m.applyNotice()).isTrue();
    assertThat(m.connected()).isFalse();
    assertThat(m.why()).isEqualTo(Disconnect.closed(1001, null));
    assertThat(m.applyNotice()).isFalse();
  }

  @Test
  void resumesFromTheLastTickAndCountsTheGaps() {
    ReconnectMachine m = machine(EXPONENTIAL);
    m.firstConnect(true);
    assertThat(m.resumeFrom()).isNull();
    m.tick(1);
    m.tick(2);
    m.tick(5);
    m.tick(4);
    m.lost(Disconnect.DROPPED);
    m.decide();
    waitAndAttempt(m, true);

    assertThat(m.resumeFrom()).isEqualTo(5);
    m.tick(6);
    assertThat(m.resumeFrom()).isEqualTo(6);
    ClientLedger.Snapshot seen = ledger.snapshot();
    assertThat(seen.ticks()).isEqualTo(4);
    assertThat(seen.tickerMissed()).isEqualTo(2);
  }

  @Test
  void staleWhenSilentLongerThanAllowed() {
    ReconnectMachine m = machine(EXPONENTIAL);
    m.firstConnect(true);
    now += 3000;
    assertThat(m.silentFor(Duration.ofSeconds(2))).isTrue();
    m.messageAt(now);
    assertThat(m.silentFor(Duration.ofSeconds(2))).isFalse();
  }
}
