package dev.wschaos.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.json.Json;
import org.junit.jupiter.api.Test;

class WireMessagesTest {

  @Test
  void aClientIdWithQuotesAndBackslashesRoundTripsInThePing() {
    String clientId = "c\"1\\ \"x\"";

    String ping = WireMessages.ping(clientId, 7);

    assertThat(Json.tree(ping)).isNotNull();
    assertThat(Json.tree(ping).path("client").asText()).isEqualTo(clientId);
    assertThat(Json.tree(ping).path("seq").asLong()).isEqualTo(7);
    assertThat(Json.tree(ping).path("type").asText()).isEqualTo("ping");
  }

  @Test
  void readsTheTickSequenceWhateverTheKeyOrderAndSpacing() {
    assertThat(WireMessages.tickSeq("{\"type\":\"tick\",\"seq\":42,\"ts\":1}")).isEqualTo(42);
    assertThat(WireMessages.tickSeq("{ \"ts\" : 1, \"seq\" : 43 }")).isEqualTo(43);
    assertThat(WireMessages.tickSeq("{\"note\":\"\\\"seq\\\":9\"}")).isNull();
    assertThat(WireMessages.tickSeq("{\"seq\":\"9\"}")).isNull();
    assertThat(WireMessages.tickSeq("echo 1 from c1")).isNull();
    assertThat(WireMessages.tickSeq(null)).isNull();
  }
}
