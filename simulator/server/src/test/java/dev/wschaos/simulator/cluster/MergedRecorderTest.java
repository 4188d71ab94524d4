package dev.wschaos.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wschaos.simulator.analytics.ClientReport;
import dev.wschaos.simulator.analytics.ReconnectAnalytics;
import dev.wschaos.simulator.analytics.TimelineEntry;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergedRecorderTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void eventsOfTwoNodesWithTheSameConnectionIdsAreOneClientTimedAsTheyHappened() {
    MergedRecorder merged = new MergedRecorder(1000, () -> "lastSeq");
    // node b's events arrive late (a batch), after node a's later ones: they count at their own time
    merged.record("a", event(EventType.UPGRADE_RECEIVED, 7, 2, 3000).build(0, 0));
    merged.record("a", event(EventType.OPENED, 7, 2, 3010).build(0, 0));
    merged.record("b", event(EventType.UPGRADE_RECEIVED, 7, 1, 0).build(0, 0));
    merged.record("b", event(EventType.OPENED, 7, 1, 10).build(0, 0));
    merged.record("b", event(EventType.CLOSE_SENT, 7, 1, 1000).code(1012).reason("restart").build(0, 0));

    ClientReport mover = ReconnectAnalytics.analyze(merged.recorder().snapshot()).client("mover").orElseThrow();

    assertThat(mover.timeline()).extracting(TimelineEntry::number, TimelineEntry::status, TimelineEntry::delayMillis)
        .containsExactly(tuple(1, 101, null), tuple(2, 101, 2000L));
    assertThat(mover.timeline().get(0).disconnect().code()).isEqualTo(1012);
  }

  @Test
  void aBatchTravelsAsJsonWithoutHeaders() throws Exception {
    JournalEvent upgrade = new JournalEvent(12, 5, T0, EventType.UPGRADE_RECEIVED, 7L, "mover", 2, "/feed",
        "127.0.0.1:50312", null, null, null, null, null, null, null, null, null, null, "clientId=mover&lastSeq=4");
    String json = Json.write(new JournalBatch("node-a", false, List.of(upgrade)));
    JournalBatch back = Json.mapper().readValue(json, JournalBatch.class);
    assertThat(back.events()).containsExactly(upgrade);
    assertThat(Json.write(upgrade).length()).isLessThan(300);
  }

  private static TimedEvent event(EventType type, long connection, int attempt, long atMillis) {
    return new TimedEvent(type, connection, attempt, T0.plusMillis(atMillis));
  }

  /** A journal event of client {@code mover} made at a chosen wall time. */
  private static final class TimedEvent {
    private final EventType type;
    private final long connection;
    private final int attempt;
    private final Instant at;
    private Integer code;
    private String reason;

    TimedEvent(EventType type, long connection, int attempt, Instant at) {
      this.type = type;
      this.connection = connection;
      this.attempt = attempt;
      this.at = at;
    }

    TimedEvent code(int value) {
      this.code = value;
      return this;
    }

    TimedEvent reason(String value) {
      this.reason = value;
      return this;
    }

    JournalEvent build(long seq, long nanos) {
      return new JournalEvent(seq, nanos, at, type, connection, "mover", attempt, "/feed", "127.0.0.1:50000", null,
          code, reason, type == EventType.CLOSE_SENT ? JournalEvent.SERVER : null, null, null, null, null, null, null,
          "clientId=mover");
    }
  }
}
