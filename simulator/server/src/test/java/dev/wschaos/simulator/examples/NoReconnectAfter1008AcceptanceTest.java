package dev.wschaos.simulator.examples;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.junit.WsChaosRuntimeInfo;
import dev.wschaos.simulator.junit.WsChaosTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Example (b): the client asks for a feed it may not read; the server closes with 1008 Policy Violation. Retrying
 * cannot succeed, so the client must stop and report it, not reconnect.
 */
@WsChaosTest
class NoReconnectAfter1008AcceptanceTest {

  @Test
  void stopsAfterAPolicyViolation(WsChaosRuntimeInfo wschaos) throws Exception {
    Chaos chaos = wschaos.chaos();
    chaos.onMessage("^SUBSCRIBE admin").close(1008, "not allowed");

    try (FeedClient client = FeedClient.to(wschaos.wsUrl("/feed"), "c1")
        .backoff(Duration.ofMillis(50), 2.0, Duration.ofSeconds(5))
        .giveUpOn(1008)
        .sendOnOpen("SUBSCRIBE admin")
        .start()) {
      assertThat(client.gaveUp().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
      chaos.awaitClient("c1").disconnected();
      // A client that ignored 1008 would be back after its 50 ms backoff: watch for ten times that.
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(chaos.client("c1")).neverReconnected());
    }

    assertThat(chaos.client("c1"))
        .neverReconnected()
        .neverRetriedAfter(1008)
        .hasNoFindings();
  }
}
