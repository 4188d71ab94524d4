package dev.wschaos.simulator.examples;

import static dev.wschaos.simulator.assertj.WsChaosAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.behaviour.TickerBehaviour;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.junit.WsChaosExtension;
import dev.wschaos.simulator.plan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Example (c): a ticker feed ({@code {"type":"tick","seq":N}} every 20 ms) drops the connection without a close
 * frame (clients see 1006). The client must reconnect with {@code ?lastSeq=N} and miss no tick: the server replays
 * what was sent while it was away.
 */
class ResumeAfterDropAcceptanceTest {

  @RegisterExtension
  static WsChaosExtension wschaos = WsChaosExtension.builder()
      .plan(Plan.healthy().withBehaviour(TickerBehaviour.every(Duration.ofMillis(20))))
      .build();

  @Test
  void resumesFromItsLastSequenceNumberAfterADrop() {
    Chaos chaos = wschaos.chaos();
    chaos.onConnection().forClient("c1").attempt(1).after(Duration.ofMillis(300)).drop();

    List<Long> ticks;
    try (FeedClient client = FeedClient.to(wschaos.wsUrl("/ticks"), "c1")
        .backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(5))
        .resume(true)
        .idleTimeout(Duration.ofSeconds(1))
        .start()) {
      try {
        chaos.awaitClient("c1").reconnected();
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\nthe client's log: " + client.log(), e);
      }
      int atReconnect = client.received().size();
      await().atMost(Duration.ofSeconds(10)).until(() -> client.received().size() >= atReconnect + 20);
      ticks = client.received();
    }

    long first = ticks.get(0);
    long last = ticks.get(ticks.size() - 1);
    assertThat(ticks).as("every tick once, in order: no gap across the drop")
        .isEqualTo(LongStream.rangeClosed(first, last).boxed().toList());
    assertThat(chaos.client("c1"))
        .reconnectedTimes(1)
        .alwaysResumed()
        .neverRetriedAfter(1008)
        .hasNoFindings();
  }
}
