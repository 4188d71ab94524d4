package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnalyticsSettingsTest {

  @Test
  void theBuilderStartsFromTheDefaultsAndMakesWhatTheWithersMake() {
    AnalyticsSettings built = AnalyticsSettings.builder()
        .addTerminalCodes("4000-4099", "4403")
        .minimumDelay(Duration.ofMillis(100))
        .maxAttempts(10)
        .expectResume(true)
        .closeCodes("graphql-ws")
        .build();

    assertThat(built).isEqualTo(AnalyticsSettings.defaults()
        .withTerminalCodes("4000-4099", "4403")
        .withMinimumDelay(Duration.ofMillis(100))
        .withMaxAttempts(10)
        .withExpectResume(true)
        .withCloseCodes("graphql-ws"));
    assertThat(built.isTerminal(1008)).isTrue();
    assertThat(built.isTerminal(4050)).isTrue();
    assertThat(built.isTerminal(4403)).isTrue();
    assertThat(AnalyticsSettings.builder().build()).isEqualTo(AnalyticsSettings.defaults());
  }

  @Test
  void toBuilderKeepsWhatItIsNotToldToChange() {
    AnalyticsSettings base = AnalyticsSettings.builder().bucket(Duration.ofMillis(100)).maxAttempts(5).build();

    AnalyticsSettings changed = base.toBuilder().maxAttempts(null).timingSlack(Duration.ofMillis(5)).build();

    assertThat(changed.bucket()).isEqualTo(Duration.ofMillis(100));
    assertThat(changed.maxAttempts()).isNull();
    assertThat(changed.timingSlack()).isEqualTo(Duration.ofMillis(5));
    assertThat(base.timingSlack()).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void buildChecksAsTheConstructorDoes() {
    assertThatThrownBy(() -> AnalyticsSettings.builder().closeCodes("socketio").build())
        .hasMessage("no close-code convention 'socketio'; presets: graphql-ws, pusher, stomp");
    assertThatThrownBy(() -> AnalyticsSettings.builder().minimumDelaysToClassify(2).build())
        .hasMessage("minimumDelaysToClassify must be 3 or more, was 2");
    assertThatThrownBy(() -> AnalyticsSettings.builder().bucket(Duration.ZERO).build())
        .hasMessage("bucket must be at least 1ms, was PT0S");
    assertThatThrownBy(() -> AnalyticsSettings.builder().addTerminalCodes("4000-x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
