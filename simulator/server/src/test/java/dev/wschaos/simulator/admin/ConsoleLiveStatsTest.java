package dev.wschaos.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleLiveStatsTest {

  private static final long T = 1_800_000_000L;
  private final ConsoleLiveStats stats = new ConsoleLiveStats();

  private void event(long second, EventType type, Integer status, Integer code) {
    stats.accept(new JournalEvent(0, 0, Instant.ofEpochSecond(second, 500_000_000), type, 1L, "c", 1, "/", null,
        status, code, null, null, null, null, null, null, null, null, null));
  }

  @Test
  void countsPerSecondAndOpenConnectionsBackFromTheOpenCountNow() {
    event(T, EventType.UPGRADE_RECEIVED, null, null);
    event(T, EventType.OPENED, null, null);
    event(T, EventType.UPGRADE_RECEIVED, null, null);
    event(T, EventType.UPGRADE_REJECTED, 503, null);
    event(T + 2, EventType.CLOSED, null, 1012);
    event(T + 2, EventType.CLOSED, null, null);
    event(T + 2, EventType.FAULT_APPLIED, null, null);

    List<ConsoleLiveStats.Second> window = stats.window(T + 3, 0);
    assertThat(window).hasSize(ConsoleLiveStats.SECONDS);
    ConsoleLiveStats.Second first = window.get(window.size() - 4);
    assertThat(first.t()).isEqualTo(T);
    assertThat(first.upgrades()).isEqualTo(2);
    assertThat(first.opened()).isEqualTo(1);
    assertThat(first.rejections()).isEqualTo(Map.of(503, 1));
    assertThat(first.open()).isEqualTo(2);
    assertThat(window.get(window.size() - 5).open()).as("one was open before the window's opens").isEqualTo(1);
    assertThat(window.get(window.size() - 2).closes()).isEqualTo(Map.of(1012, 1, 1006, 1));
    assertThat(window.get(window.size() - 2).open()).isZero();
    assertThat(stats.changes()).isEqualTo(3);
  }

  @Test
  void aBucketIsReusedFiveMinutesLater() {
    event(T, EventType.UPGRADE_RECEIVED, null, null);
    event(T + ConsoleLiveStats.SECONDS, EventType.UPGRADE_RECEIVED, null, null);
    assertThat(stats.second(T, 0).upgrades()).isZero();
    assertThat(stats.second(T + ConsoleLiveStats.SECONDS, 0).upgrades()).isEqualTo(1);
  }
}
