package dev.wschaos.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.scenarios.policy.Disconnect;
import dev.wschaos.simulator.common.CloseNotice;
import org.junit.jupiter.api.Test;

class CloseNoticesTest {

  @Test
  void readsWhatTheSimulatorWrites() {
    assertThat(CloseNotices.parse(CloseNotice.text(1012, "service restart; retry-after=2")))
        .isEqualTo(Disconnect.closed(1012, 2000L));
    assertThat(CloseNotices.parse(CloseNotice.text(1001, "bye"))).isEqualTo(Disconnect.closed(1001, null));
  }

  @Test
  void readsNoticesWhateverTheKeyOrder() {
    assertThat(CloseNotices.parse("{\"code\":1013,\"retryAfterMs\":1500,\"wschaos\":\"close\",\"reason\":\"x\"}"))
        .isEqualTo(Disconnect.closed(1013, 1500L));
    assertThat(CloseNotices.parse("{ \"wschaos\" : \"close\", \"code\" : 1001 }")).isEqualTo(Disconnect.closed(1001, null));
  }

  @Test
  void ordinaryMessagesAreNotNotices() {
    assertThat(CloseNotices.parse("{\"type\":\"tick\",\"seq\":3}")).isNull();
    assertThat(CloseNotices.parse("{\"wschaos\":\"other\"}")).isNull();
    assertThat(CloseNotices.parse(null)).isNull();
  }

  @Test
  void attemptLabelsAreBounded() {
    assertThat(WsClient.attemptLabel(1)).isEqualTo("attempt 1");
    assertThat(WsClient.attemptLabel(9)).isEqualTo("attempt 6+");
  }
}
