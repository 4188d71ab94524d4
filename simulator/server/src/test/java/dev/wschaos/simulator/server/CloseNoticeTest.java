package dev.wschaos.simulator.server;

import dev.wschaos.simulator.common.CloseNotice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.json.Json;
import org.junit.jupiter.api.Test;

class CloseNoticeTest {

  @Test
  void writesEscapedJsonAndReadsTheAdvisedDelay() {
    String text = CloseNotice.text(1013, "say \"later\" \\ now\n; Retry-After=1.5");
    assertThat(Json.tree(text).path("reason").asText()).isEqualTo("say \"later\" \\ now\n; Retry-After=1.5");
    assertThat(CloseNotice.parse(text)).isEqualTo(
        new CloseNotice("close", 1013, "say \"later\" \\ now\n; Retry-After=1.5", 1500L));
    assertThat(CloseNotice.text(1000, null)).isEqualTo("{\"wschaos\":\"close\",\"code\":1000,\"reason\":\"\"}");
  }

  @Test
  void readsNoticesWhateverTheKeyOrder() {
    assertThat(CloseNotice.parse("{\"retryAfterMs\":2000,\"reason\":\"restart\",\"code\":1012,\"wschaos\":\"close\"}"))
        .isEqualTo(new CloseNotice("close", 1012, "restart", 2000L));
    assertThat(CloseNotice.parse("{ \"code\" : 1001, \"wschaos\" : \"close\" }"))
        .isEqualTo(new CloseNotice("close", 1001, "", null));
  }

  @Test
  void otherMessagesAreNotNotices() {
    assertThat(CloseNotice.parse("{\"type\":\"tick\",\"seq\":3}")).isNull();
    assertThat(CloseNotice.parse("{\"wschaos\":\"other\",\"code\":1000}")).isNull();
    assertThat(CloseNotice.parse("{\"wschaos\":\"close\"")).isNull();
    assertThat(CloseNotice.parse("echo {\"wschaos\":\"close\"}")).isNull();
    assertThat(CloseNotice.parse(null)).isNull();
  }

  @Test
  void onlyOneOrTrueAsks() {
    assertThat(CloseNotice.requested("1")).isTrue();
    assertThat(CloseNotice.requested("TRUE")).isTrue();
    assertThat(CloseNotice.requested("0")).isFalse();
    assertThat(CloseNotice.requested(null)).isFalse();
  }
}
