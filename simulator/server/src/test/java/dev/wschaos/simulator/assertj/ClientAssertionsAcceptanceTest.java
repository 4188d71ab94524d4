package dev.wschaos.simulator.assertj;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.analytics.Check;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.examples.FeedClient;
import dev.wschaos.simulator.junit.WsChaosTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Assertions on what real JDK clients did against a real simulator: passing for good clients, explained failures. */
@WsChaosTest
class ClientAssertionsAcceptanceTest {

  @Test
  void aClientThatReconnectsAfter1008FailsWithItsTimeline(Chaos chaos, WsChaosServer server) {
    chaos.onMessage("^SUBSCRIBE admin").close(1008, "not allowed");
    try (FeedClient rude = FeedClient.to(server.wsUrl("/feed"), "rude").backoff(Duration.ofMillis(50), 2,
        Duration.ofSeconds(1)).sendOnOpen("SUBSCRIBE admin").start()) {
      chaos.awaitClient("rude").reconnectedTimes(2);
    }

    assertThatThrownBy(() -> assertThat(chaos.client("rude")).neverRetriedAfter(1008))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expecting client rude never to retry after close code 1008, but attempt 2 came ")
        .hasMessageContaining("after attempt 1 was closed with 1008\nattempts of rude (")
        .hasMessageMatching("(?s).*\\n\\s+1\\s+0\\s+-\\s+accepted 101\\s+server-close 1008 'not allowed' after \\d+ ms"
            + "\\n\\s+2\\s+\\d+\\s+\\d+\\s+accepted 101\\s+server-close 1008 'not allowed'.*")
        .hasMessageContaining("finding reconnected-after-terminal-close: attempt 2 came");
    assertThat(chaos.client("rude")).hasFinding(Check.RECONNECTED_AFTER_TERMINAL_CLOSE);
  }

  @Test
  void retryAfterIsRespectedByAGoodClientAndNotByAnImpatientOne(Chaos chaos, WsChaosServer server) throws Exception {
    chaos.onHandshake().attempt(1).reject(503).retryAfter(Duration.ofSeconds(1));
    try (FeedClient good = FeedClient.to(server.wsUrl("/"), "good").backoff(Duration.ofMillis(50), 2,
            Duration.ofSeconds(1)).start();
        FeedClient impatient = FeedClient.to(server.wsUrl("/"), "impatient").backoff(Duration.ofMillis(50), 2,
            Duration.ofSeconds(1)).honourRetryAfter(false).start()) {
      chaos.awaitClient("impatient").reconnected();
      chaos.awaitClient("good").reconnected();
    }

    assertThat(chaos.client("good")).reconnectedTimes(1).respectedRetryAfter().hasNoFindings();
    assertThatThrownBy(() -> assertThat(chaos.client("impatient")).respectedRetryAfter())
        .hasMessageMatching("(?s)Expecting client impatient to respect the advised retry delays, but attempt 2 came "
            + "\\d+ ms after attempt 1 got 503 with Retry-After 1 s.*")
        .hasMessageMatching("(?s).*\\n\\s+1\\s+0\\s+-\\s+rejected 503\\s+retry-after 1 s\\n.*");
  }

  @Test
  void aClientThatNeverConnectedHasNoAttempts(Chaos chaos) {
    assertThatThrownBy(() -> assertThat(chaos.client("ghost")).reconnectedTimes(1))
        .hasMessageStartingWith("Expecting client ghost to have reconnected 1 time, but it reconnected 0 times "
            + "(0 attempts)\nattempts of ghost (0; backoff: no attempts):");
  }
}
