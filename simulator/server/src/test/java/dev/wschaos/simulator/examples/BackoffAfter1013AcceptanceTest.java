package dev.wschaos.simulator.examples;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;

import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.junit.WsChaosRuntimeInfo;
import dev.wschaos.simulator.junit.WsChaosTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Example (a): an overloaded server closes with 1013 Try Again Later five times, then refuses once with 503 and
 * {@code Retry-After: 1}. The client must back off exponentially and wait at least the advised second.
 */
@WsChaosTest
class BackoffAfter1013AcceptanceTest {

  @Test
  void backsOffExponentiallyWhileTheServerIsOverloaded(WsChaosRuntimeInfo wschaos) {
    Chaos chaos = wschaos.chaos();
    chaos.onConnection().forClient("c1").attempts(1, 5).close(1013, "try again later");
    chaos.onHandshake().forClient("c1").attempt(6).reject(503).retryAfter(Duration.ofSeconds(1));

    try (FeedClient client = FeedClient.to(wschaos.wsUrl("/feed"), "c1")
        .backoff(Duration.ofMillis(40), 2.0, Duration.ofSeconds(5))
        .start()) {
      chaos.awaitClient("c1").reconnectedTimes(6);
      chaos.awaitClient("c1").connected();
    }

    assertThat(chaos.client("c1"))
        .reconnectedTimes(6)
        .withExponentialBackoff()
        .respectedRetryAfter()
        .neverRetriedAfter(1008);
  }
}
