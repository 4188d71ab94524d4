package dev.wschaos.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What travels between nodes for the merged reconnect report: the times to the nanosecond, as numbers. */
class JournalShareWireTest {

  @Test
  void aBatchComesBackAsItWasWithItsTimesAsDecimalSeconds() throws Exception {
    Instant made = Instant.parse("2026-12-01T04:30:19.123456789Z");
    JournalEvent close = new JournalEvent(41, 987_654_321L, made, EventType.CLOSE_SENT, 7L, "mover", 3, "/feed",
        "127.0.0.1:50000", null, 1012, "rolling restart", JournalEvent.SERVER, null, null, null, null, null, null,
        "clientId=mover");
    JournalBatch batch = new JournalBatch("node-a", false, List.of(close));

    String wire = JournalShare.write(batch);

    assertThat(wire).contains("\"time\":1796099419.123456789").doesNotContain("2026-12-01T");
    assertThat(JournalShare.read(wire)).isEqualTo(batch);
  }
}
