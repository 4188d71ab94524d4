package dev.wschaos.simulator.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {

  record Event(String clientId, Duration delay, Instant at) {}

  @Test
  void aClientIdWithQuotesAndBackslashesRoundTrips() throws Exception {
    Event event = new Event("c\"1\\x\n\u0001", Duration.ofMillis(1500), Instant.parse("2026-11-21T10:00:00.250Z"));

    String json = Json.write(event);

    assertThat(json).isEqualTo("{\"clientId\":\"c\\\"1\\\\x\\n\\u0001\",\"delay\":\"1500ms\","
        + "\"at\":\"2026-11-21T10:00:00.250Z\"}");
    assertThat(Json.mapper().readValue(json, Event.class)).isEqualTo(event);
    assertThat(Json.yaml().readValue(Json.yaml().writeValueAsString(event), Event.class)).isEqualTo(event);
  }

  @Test
  void oneWayToWriteADuration() throws Exception {
    assertThat(Json.write(Duration.ofSeconds(2))).isEqualTo("\"2s\"");
    assertThat(Json.writePretty(Duration.ofMinutes(5))).isEqualTo("\"5m\"");
    assertThat(Json.mapper().readValue("\"PT2S\"", Duration.class)).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> Json.mapper().readValue("2000", Duration.class))
        .hasMessageContaining("a duration is text with a unit");
  }

  @Test
  void readingIsStrict() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"clientId\":\"a\",\"color\":1}", Event.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
    assertThatThrownBy(() -> Json.mapper().readValue("{\"clientId\":\"a\",\"clientId\":\"b\"}", Event.class))
        .hasMessageContaining("Duplicate field 'clientId'");
  }

  @Test
  void treeIsNullForWhatIsNotJson() {
    assertThat(Json.tree("{\"a\":1}").path("a").asInt()).isEqualTo(1);
    assertThat(Json.tree("{\"a\":")).isNull();
    assertThat(Json.tree(null)).isNull();
  }
}
