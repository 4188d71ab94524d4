package dev.wschaos.simulator.server;

import dev.wschaos.simulator.common.CloseNotice;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloseNoticeTest {

  @Test
  void escapesTheReasonAndReadsTheAdvisedDelay() {
    assertThat(CloseNotice.text(1013, "say \"later\"; Retry-After=1.5"))
        .isEqualTo("{\"wschaos\":\"close\",\"code\":1013,\"reason\":\"say \\\"later\\\"; Retry-After=1.5\","
            + "\"retryAfterMs\":1500}");
    assertThat(CloseNotice.text(1000, null)).isEqualTo("{\"wschaos\":\"close\",\"code\":1000,\"reason\":\"\"}");
  }

  @Test
  void onlyOneOrTrueAsks() {
    assertThat(CloseNotice.requested("1")).isTrue();
    assertThat(CloseNotice.requested("TRUE")).isTrue();
    assertThat(CloseNotice.requested("0")).isFalse();
    assertThat(CloseNotice.requested(null)).isFalse();
  }
}
