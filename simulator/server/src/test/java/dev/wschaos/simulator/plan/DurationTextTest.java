package dev.wschaos.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.common.DurationText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void parsesTheUnitsPeopleWrite() {
    assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationText.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationText.parse(" 5m ")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("PT3S")).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void refusesBareNumbersAndNonsense() {
    assertThatThrownBy(() -> DurationText.parse("5")).hasMessageContaining("'5' is not a duration");
    assertThatThrownBy(() -> DurationText.parse("5 days")).hasMessageContaining("write e.g. 250ms, 2s");
  }

  @Test
  void formatsTheShortestExactForm() {
    assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationText.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(DurationText.format(Duration.ofMinutes(2))).isEqualTo("2m");
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
  }
}
