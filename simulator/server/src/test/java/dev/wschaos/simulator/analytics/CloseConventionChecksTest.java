package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.behaviour.CloseConvention;
import org.junit.jupiter.api.Test;

class CloseConventionChecksTest {

  private static ClientReport analyze(Synthetic s, AnalyticsSettings settings) {
    return ReconnectAnalytics.analyze(s.recording(s.now() + 1000), settings).clients().get(0);
  }

  @Test
  void graphqlWsFollowsTheReferenceClient() {
    CloseConvention graphql = CloseConvention.preset("graphql-ws");
    assertThat(graphql.isTerminal(4400)).isTrue();
    assertThat(graphql.isTerminal(4401)).isTrue();
    assertThat(graphql.isTerminal(4406)).isTrue();
    assertThat(graphql.isTerminal(4409)).isTrue();
    assertThat(graphql.isTerminal(4429)).isTrue();
    assertThat(graphql.isTerminal(4500)).isTrue();
    assertThat(graphql.isTerminal(4403)).as("Forbidden: might grant access after retry").isFalse();
    assertThat(graphql.isTerminal(4408)).as("init timeout: might not time out after retry").isFalse();
    assertThat(graphql.isReconnectNow(4403)).isTrue();
  }

  @Test
  void pusherRanges() {
    CloseConvention pusher = CloseConvention.preset("pusher");
    assertThat(pusher.isTerminal(4000)).isTrue();
    assertThat(pusher.isTerminal(4099)).isTrue();
    assertThat(pusher.isBackOff(4100)).isTrue();
    assertThat(pusher.isReconnectNow(4200)).isTrue();
    assertThat(pusher.isTerminal(4100)).isFalse();
  }

  @Test
  void unknownConventionsAreRefusedWithThePresets() {
    assertThatThrownBy(() -> AnalyticsSettings.defaults().withCloseCodes("socketio"))
        .hasMessage("no close-code convention 'socketio'; presets: graphql-ws, pusher, stomp");
  }

  @Test
  void retryingAProtocolTerminalCodeIsAFindingAndNoReturnIsExpected() {
    Synthetic s = new Synthetic("c1").accepted(false).open(500).closedByServer(4001, "app over quota").after(60)
        .accepted(false);

    assertThat(analyze(s, AnalyticsSettings.defaults()).findings()).isEmpty();
    ClientReport client = analyze(s, AnalyticsSettings.defaults().withCloseCodes("pusher"));
    assertThat(client.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.RETRIED_TERMINAL_PROTOCOL_CLOSE);
      assertThat(f.code()).isEqualTo(4001);
      assertThat(f.message()).isEqualTo("attempt 2 came 60 ms after attempt 1 was closed with 4001, terminal in the "
          + "pusher protocol");
    });

    Synthetic gone = new Synthetic("c2").accepted(false).open(500).closedByServer(4001, "app over quota");
    assertThat(ReconnectAnalytics.analyze(gone.recording(gone.now() + 60_000),
        AnalyticsSettings.defaults().withCloseCodes("pusher")).clients().get(0).findings())
        .as("staying away after a terminal code is right: no not-back-within-window").isEmpty();
  }

  @Test
  void comingBackTooSoonAfterABackOffCodeIsRetriedTooFast() {
    Synthetic hot = new Synthetic("c1").accepted(false).open(500).closedByServer(4100, "over capacity").after(200)
        .accepted(false);
    Synthetic patient = new Synthetic("c2").accepted(false).open(500).closedByServer(4100, "over capacity")
        .after(1500).accepted(false);
    AnalyticsSettings pusher = AnalyticsSettings.defaults().withCloseCodes("pusher");

    ClientReport client = analyze(hot, pusher);
    assertThat(client.findings()).singleElement().satisfies(f -> {
      assertThat(f.check()).isEqualTo(Check.RETRIED_TOO_FAST);
      assertThat(f.limitMillis()).isEqualTo(1000);
      assertThat(f.message()).isEqualTo("attempt 2 came 200 ms after attempt 1 was closed with 4100, which the "
          + "pusher protocol answers by backing off at least 1000 ms");
    });
    assertThat(analyze(patient, pusher).findings()).isEmpty();
  }
}
