package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class FirstReconnectSpreadTest {

  private static final long MS = 1_000_000L;
  private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

  /** {@code clients} connected at 0, all dropped by a fleet event at 10 s; client i comes back after delay(i) ms. */
  private static ReconnectReport fleet(int clients, IntToLongFunction delay) {
    List<Attempt> attempts = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    long event = 10_000 * MS;
    for (int i = 0; i < clients; i++) {
      String key = "c" + i;
      keys.add(key);
      attempts.add(Attempt.accepted(key, 1, i * MS, T0, false, i * MS).withDisconnect(
          Disconnect.of(event, T0.plusSeconds(10), DisconnectKind.DROPPED, null, null)));
      long back = event + delay.applyAsLong(i) * MS;
      attempts.add(Attempt.accepted(key, 2, back, T0.plusNanos(back), false, back));
    }
    FleetEvent drop = new FleetEvent(event, T0.plusSeconds(10), "drop-all", keys);
    return ReconnectAnalytics.analyze(Recording.of(0, T0, 60_000 * MS, attempts, List.of(drop)));
  }

  private static List<Finding> spread(ReconnectReport report) {
    return report.findings().stream().filter(f -> f.check() == Check.UNRANDOMISED_FIRST_RECONNECTS).toList();
  }

  @Test
  void aFleetComingBackInTheSameSecondIsOneFinding() {
    ReconnectReport report = fleet(50, i -> 200 + i * 10);   // all within 200..690 ms

    assertThat(spread(report)).hasSize(1);
    Finding f = spread(report).get(0);
    assertThat(f.client()).isEqualTo("fleet: drop-all");
    assertThat(f.delayMillis()).isEqualTo(200);
    assertThat(f.limitMillis()).isEqualTo(1000);
    assertThat(f.message()).startsWith("50 of 50 clients that reconnected after 'drop-all' made their first attempt "
        + "within 1000 ms (from 200 ms after it)");
    assertThat(report.summary().findings()).containsEntry("unrandomised-first-reconnects", 1);
  }

  @Test
  void firstReconnectsSpreadOverFiveSecondsAreFine() {
    assertThat(spread(fleet(50, i -> i * 100))).isEmpty();     // 0..4.9 s, 10 per second at most
  }

  @Test
  void aSmallFleetIsNotJudged() {
    assertThat(spread(fleet(FirstReconnectSpread.MIN_LOST - 1, i -> 5))).isEmpty();
  }
}
