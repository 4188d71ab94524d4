package dev.wschaos.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrictHandshakeTokenTest {

  @Test
  void findsATokenInACommaSeparatedListWhateverItsCaseAndSpacing() {
    assertThat(StrictHandshake.hasToken(List.of("Upgrade"), "upgrade")).isTrue();
    assertThat(StrictHandshake.hasToken(List.of("keep-alive, Upgrade"), "upgrade")).isTrue();
    assertThat(StrictHandshake.hasToken(List.of("keep-alive", " UPGRADE  ,x"), "upgrade")).isTrue();
    assertThat(StrictHandshake.hasToken(List.of("websocket2", "upgraded", "", ","), "upgrade")).isFalse();
    assertThat(StrictHandshake.hasToken(List.of(), "websocket")).isFalse();
  }
}
