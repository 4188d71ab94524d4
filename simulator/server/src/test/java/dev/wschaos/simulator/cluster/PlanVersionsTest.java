package dev.wschaos.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.json.Json;
import java.util.AbstractMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plan versions order by clock, then node id; the stored plan is the newest whatever order writes arrive in. */
class PlanVersionsTest {

  private static String message(long clock, String node) {
    return Json.write(new PlanMessage(clock, node, false, 42L, "{\"name\":\"p" + clock + node + "\"}"));
  }

  @Test
  void theNewestVersionIsKeptWhateverTheOrderOfArrival() {
    Map.Entry<String, String> stored = new AbstractMap.SimpleEntry<>("plan", null);

    assertThat(new KeepNewest(message(2, "b")).process(stored)).isTrue();
    assertThat(new KeepNewest(message(1, "z")).process(stored)).isFalse();
    assertThat(new KeepNewest(message(2, "a")).process(stored)).isFalse();
    assertThat(new KeepNewest(message(2, "c")).process(stored)).isTrue();

    assertThat(KeepNewest.read(stored.getValue()).version()).isEqualTo("2@c");
  }

  @Test
  void aMessageReadsBackAsWritten() {
    PlanMessage sent = new PlanMessage(7, "node-1", true, -5L, "{\"name\":\"x\"}");

    assertThat(KeepNewest.read(Json.write(sent))).isEqualTo(sent);
  }
}
